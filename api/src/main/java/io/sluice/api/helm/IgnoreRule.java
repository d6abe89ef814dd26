package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.kustomize.Selector;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * A drift-detection ignore rule ({@code spec.driftDetection.ignore[]}): JSON pointers left out of the comparison,
 * for the objects {@code target} selects (all when absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IgnoreRule extends KeepsUnknownFields {

    /** JSON pointers, e.g. {@code /spec/replicas}. */
    private List<String> paths;
    /** Which objects the paths apply to; all when null. */
    private Selector target;

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    public Selector getTarget() {
        return target;
    }

    public void setTarget(Selector target) {
        this.target = target;
    }
}
