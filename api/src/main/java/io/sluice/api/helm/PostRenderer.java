package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * A post-renderer applied to the rendered chart ({@code spec.postRenderers[]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PostRenderer extends KeepsUnknownFields {

    private KustomizePostRenderer kustomize;

    public KustomizePostRenderer getKustomize() {
        return kustomize;
    }

    public void setKustomize(KustomizePostRenderer kustomize) {
        this.kustomize = kustomize;
    }
}
