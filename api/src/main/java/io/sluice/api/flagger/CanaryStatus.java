package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import java.util.List;
import java.util.Map;

/**
 * The observed state of a {@link Canary}, as Flagger writes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryStatus extends KeepsUnknownFields {

    /** Initializing, Initialized, Waiting, Progressing, WaitingPromotion, Promoting, Finalising, Succeeded, Failed, Terminating, Terminated. */
    private String phase;
    /** Checks failed in the current analysis. */
    private Integer failedChecks;
    /** Percent of traffic the canary receives. */
    private Integer canaryWeight;
    /** Checks passed so far (blue/green). */
    private Integer iterations;
    /** Checksums of the ConfigMaps and Secrets of the target. */
    private Map<String, String> trackedConfigs;
    /** Hash of the target's pod template the analysis runs on. */
    private String lastAppliedSpec;
    /** Hash of the target's pod template last promoted. */
    private String lastPromotedSpec;
    /** When the phase last changed (RFC 3339). */
    private String lastTransitionTime;
    /** Flagger's one condition, {@code Promoted}. */
    private List<CanaryCondition> conditions;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public Integer getFailedChecks() {
        return failedChecks;
    }

    public void setFailedChecks(Integer failedChecks) {
        this.failedChecks = failedChecks;
    }

    public Integer getCanaryWeight() {
        return canaryWeight;
    }

    public void setCanaryWeight(Integer canaryWeight) {
        this.canaryWeight = canaryWeight;
    }

    public Integer getIterations() {
        return iterations;
    }

    public void setIterations(Integer iterations) {
        this.iterations = iterations;
    }

    public Map<String, String> getTrackedConfigs() {
        return trackedConfigs;
    }

    public void setTrackedConfigs(Map<String, String> trackedConfigs) {
        this.trackedConfigs = trackedConfigs;
    }

    public String getLastAppliedSpec() {
        return lastAppliedSpec;
    }

    public void setLastAppliedSpec(String lastAppliedSpec) {
        this.lastAppliedSpec = lastAppliedSpec;
    }

    public String getLastPromotedSpec() {
        return lastPromotedSpec;
    }

    public void setLastPromotedSpec(String lastPromotedSpec) {
        this.lastPromotedSpec = lastPromotedSpec;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public List<CanaryCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<CanaryCondition> conditions) {
        this.conditions = conditions;
    }
}
