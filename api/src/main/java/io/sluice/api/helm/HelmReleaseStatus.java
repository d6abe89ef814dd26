package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.kustomize.ResourceInventory;
import io.sluice.api.meta.FluxStatus;

import java.util.List;

/**
 * The observed state of a {@link HelmRelease}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmReleaseStatus extends FluxStatus {

    private String observedPostRenderersDigest;
    private Long lastAttemptedGeneration;
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
    private String lastHandledForceAt;
    private String lastHandledResetAt;
    private String observedCommonMetadataDigest;
    private String lastAttemptedReleaseActionDuration;
    private Integer lastReleaseRevision;
    /** The objects of the release last applied, in Flux's inventory format. */
    private ResourceInventory inventory;

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

    public String getObservedCommonMetadataDigest() {
        return observedCommonMetadataDigest;
    }

    public void setObservedCommonMetadataDigest(String observedCommonMetadataDigest) {
        this.observedCommonMetadataDigest = observedCommonMetadataDigest;
    }

    public String getLastAttemptedReleaseActionDuration() {
        return lastAttemptedReleaseActionDuration;
    }

    public void setLastAttemptedReleaseActionDuration(String lastAttemptedReleaseActionDuration) {
        this.lastAttemptedReleaseActionDuration = lastAttemptedReleaseActionDuration;
    }

    public Integer getLastReleaseRevision() {
        return lastReleaseRevision;
    }

    public void setLastReleaseRevision(Integer lastReleaseRevision) {
        this.lastReleaseRevision = lastReleaseRevision;
    }

    public ResourceInventory getInventory() {
        return inventory;
    }

    public void setInventory(ResourceInventory inventory) {
        this.inventory = inventory;
    }
}
