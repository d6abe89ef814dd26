package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.FluxStatus;

import java.util.List;

/**
 * The observed state of a {@link HelmChart}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmChartStatus extends FluxStatus {

    /** The revision of the source artifact the chart was last built from. */
    private String observedSourceArtifactRevision;
    /** The name of the chart last built. */
    private String observedChartName;
    /** The values files merged into the last artifact (only with {@code ignoreMissingValuesFiles}). */
    private List<String> observedValuesFiles;
    /** Address of the latest packaged chart. */
    private String url;
    /** The packaged chart: revision = the chart version, digest = sha256 of the .tgz. */
    private Artifact artifact;

    public String getObservedSourceArtifactRevision() {
        return observedSourceArtifactRevision;
    }

    public void setObservedSourceArtifactRevision(String observedSourceArtifactRevision) {
        this.observedSourceArtifactRevision = observedSourceArtifactRevision;
    }

    public String getObservedChartName() {
        return observedChartName;
    }

    public void setObservedChartName(String observedChartName) {
        this.observedChartName = observedChartName;
    }

    public List<String> getObservedValuesFiles() {
        return observedValuesFiles;
    }

    public void setObservedValuesFiles(List<String> observedValuesFiles) {
        this.observedValuesFiles = observedValuesFiles;
    }

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
