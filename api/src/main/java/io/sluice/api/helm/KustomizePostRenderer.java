package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.kustomize.Image;
import io.sluice.api.kustomize.Patch;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * Kustomize patches and image overrides applied to the rendered chart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KustomizePostRenderer extends KeepsUnknownFields {

    private List<Patch> patches;
    private List<Image> images;

    public List<Patch> getPatches() {
        return patches;
    }

    public void setPatches(List<Patch> patches) {
        this.patches = patches;
    }

    public List<Image> getImages() {
        return images;
    }

    public void setImages(List<Image> images) {
        this.images = images;
    }
}
