package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The observed state of a {@link HelmRelease}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmReleaseStatus extends KeepsUnknownFields implements FluxStatus {

    /** The last generation the controller acted on. */
    private Long observedGeneration;
    private String observedPostRenderersDigest;
    private Long lastAttemptedGeneration;
    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    /** namespace/name of the HelmChart made for this release. */
    private String helmChart;
    private String storageNamespace;
    /** Release history, newest first. */
    private List<Snapshot> history;
    private String lastAttemptedReleaseAction;
    private Long failures;
    private Long installFailures;
    private Long upgradeFailures;
    private String lastAttemptedRevision;
    private String lastAttemptedRevisionDigest;
    private String lastAttemptedValuesChecksum;
    private String lastAttemptedConfigDigest;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;
    private String lastHandledForceAt;
    private String lastHandledResetAt;

    @Override
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    @Override
    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getObservedPostRenderersDigest() {
        return observedPostRenderersDigest;
    }

    public void setObservedPostRenderersDigest(String observedPostRenderersDigest) {
        this.observedPostRenderersDigest = observedPostRenderersDigest;
    }

    public Long getLastAttemptedGeneration() {
        return lastAttemptedGeneration;
    }

    public void setLastAttemptedGeneration(Long lastAttemptedGeneration) {
        this.lastAttemptedGeneration = lastAttemptedGeneration;
    }

    @Override
    public List<Condition> getConditions() {
        return conditions;
    }

    @Override
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getHelmChart() {
        return helmChart;
    }

    public void setHelmChart(String helmChart) {
        this.helmChart = helmChart;
    }

    public String getStorageNamespace() {
        return storageNamespace;
    }

    public void setStorageNamespace(String storageNamespace) {
        this.storageNamespace = storageNamespace;
    }

    public List<Snapshot> getHistory() {
        return history;
    }

    public void setHistory(List<Snapshot> history) {
        this.history = history;
    }

    public String getLastAttemptedReleaseAction() {
        return lastAttemptedReleaseAction;
    }

    public void setLastAttemptedReleaseAction(String lastAttemptedReleaseAction) {
        this.lastAttemptedReleaseAction = lastAttemptedReleaseAction;
    }

    public Long getFailures() {
        return failures;
    }

    public void setFailures(Long failures) {
        this.failures = failures;
    }

    public Long getInstallFailures() {
        return installFailures;
    }

    public void setInstallFailures(Long installFailures) {
        this.installFailures = installFailures;
    }

    public Long getUpgradeFailures() {
        return upgradeFailures;
    }

    public void setUpgradeFailures(Long upgradeFailures) {
        this.upgradeFailures = upgradeFailures;
    }

    public String getLastAttemptedRevision() {
        return lastAttemptedRevision;
    }

    public void setLastAttemptedRevision(String lastAttemptedRevision) {
        this.lastAttemptedRevision = lastAttemptedRevision;
    }

    public String getLastAttemptedRevisionDigest() {
        return lastAttemptedRevisionDigest;
    }

    public void setLastAttemptedRevisionDigest(String lastAttemptedRevisionDigest) {
        this.lastAttemptedRevisionDigest = lastAttemptedRevisionDigest;
    }

    public String getLastAttemptedValuesChecksum() {
        return lastAttemptedValuesChecksum;
    }

    public void setLastAttemptedValuesChecksum(String lastAttemptedValuesChecksum) {
        this.lastAttemptedValuesChecksum = lastAttemptedValuesChecksum;
    }

    public String getLastAttemptedConfigDigest() {
        return lastAttemptedConfigDigest;
    }

    public void setLastAttemptedConfigDigest(String lastAttemptedConfigDigest) {
        this.lastAttemptedConfigDigest = lastAttemptedConfigDigest;
    }

    @Override
    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    @Override
    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }

    public String getLastHandledForceAt() {
        return lastHandledForceAt;
    }

    public void setLastHandledForceAt(String lastHandledForceAt) {
        this.lastHandledForceAt = lastHandledForceAt;
    }

    public String getLastHandledResetAt() {
        return lastHandledResetAt;
    }

    public void setLastHandledResetAt(String lastHandledResetAt) {
        this.lastHandledResetAt = lastHandledResetAt;
    }
}
