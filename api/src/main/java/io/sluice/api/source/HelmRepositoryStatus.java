package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.FluxStatus;

/**
 * The observed state of a {@link HelmRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmRepositoryStatus extends FluxStatus {

    /** Address of the repository index as served by the source service. */
    private String url;
    private Artifact artifact;

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
}
