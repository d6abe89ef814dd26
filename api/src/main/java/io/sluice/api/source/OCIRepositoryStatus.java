package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.FluxStatus;

/**
 * The observed state of an {@link OCIRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OCIRepositoryStatus extends FluxStatus {

    /** Address of the latest artifact. */
    private String url;
    /** revision = {@code <tag>@sha256:<manifest digest>} (or {@code sha256:<digest>} for a digest ref). */
    private Artifact artifact;
    private String observedIgnore;
    private OCILayerSelector observedLayerSelector;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Artifact getArtifact() {
        return artifact;
    }

    public void setArtifact(Artifact artifact) {
        this.artifact = artifact;
    }

    public String getObservedIgnore() {
        return observedIgnore;
    }

    public void setObservedIgnore(String observedIgnore) {
        this.observedIgnore = observedIgnore;
    }

    public OCILayerSelector getObservedLayerSelector() {
        return observedLayerSelector;
    }

    public void setObservedLayerSelector(OCILayerSelector observedLayerSelector) {
        this.observedLayerSelector = observedLayerSelector;
    }
}
