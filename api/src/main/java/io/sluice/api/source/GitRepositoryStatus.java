package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The observed state of a {@link GitRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryStatus extends KeepsUnknownFields implements FluxStatus {

    /** The last generation the controller acted on. */
    private Long observedGeneration;
    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    private Artifact artifact;
    private List<Artifact> includedArtifacts;
    private String observedIgnore;
    private Boolean observedRecurseSubmodules;
    private List<GitRepositoryInclude> observedInclude;
    private List<String> observedSparseCheckout;
    private String sourceVerificationMode;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;

    @Override
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    @Override
    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    @Override
    public List<Condition> getConditions() {
        return conditions;
    }

    @Override
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

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

    @Override
    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    @Override
    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }
}
