package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.FluxStatus;

import java.util.List;

/**
 * The observed state of a {@link GitRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryStatus extends FluxStatus {

    private Artifact artifact;
    private List<Artifact> includedArtifacts;
    private String observedIgnore;
    private Boolean observedRecurseSubmodules;
    private List<GitRepositoryInclude> observedInclude;
    private List<String> observedSparseCheckout;
    private String sourceVerificationMode;

    public Artifact getArtifact() {
        return artifact;
    }

    public void setArtifact(Artifact artifact) {
        this.artifact = artifact;
    }

    public List<Artifact> getIncludedArtifacts() {
        return includedArtifacts;
    }

    public void setIncludedArtifacts(List<Artifact> includedArtifacts) {
        this.includedArtifacts = includedArtifacts;
    }

    public String getObservedIgnore() {
        return observedIgnore;
    }

    public void setObservedIgnore(String observedIgnore) {
        this.observedIgnore = observedIgnore;
    }

    public Boolean getObservedRecurseSubmodules() {
        return observedRecurseSubmodules;
    }

    public void setObservedRecurseSubmodules(Boolean observedRecurseSubmodules) {
        this.observedRecurseSubmodules = observedRecurseSubmodules;
    }

    public List<GitRepositoryInclude> getObservedInclude() {
        return observedInclude;
    }

    public void setObservedInclude(List<GitRepositoryInclude> observedInclude) {
        this.observedInclude = observedInclude;
    }

    public List<String> getObservedSparseCheckout() {
        return observedSparseCheckout;
    }

    public void setObservedSparseCheckout(List<String> observedSparseCheckout) {
        this.observedSparseCheckout = observedSparseCheckout;
    }

    public String getSourceVerificationMode() {
        return sourceVerificationMode;
    }

    public void setSourceVerificationMode(String sourceVerificationMode) {
        this.sourceVerificationMode = sourceVerificationMode;
    }
}
