package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * Whether and how to correct drift between the release manifest and the cluster.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftDetection extends KeepsUnknownFields {

    /** enabled, warn or disabled. */
    private String mode;
    /** Paths left out of drift detection and correction. */
    private List<IgnoreRule> ignore;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public List<IgnoreRule> getIgnore() {
        return ignore;
    }

    public void setIgnore(List<IgnoreRule> ignore) {
        this.ignore = ignore;
    }
}
