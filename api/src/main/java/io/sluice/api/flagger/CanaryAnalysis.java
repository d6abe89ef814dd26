package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.analysis}: the schedule, the traffic steps, the checks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryAnalysis extends KeepsUnknownFields {

    /** Time between two steps, e.g. {@code 1m}. */
    private String interval;
    /** Number of checks for blue/green (no traffic weights). */
    private Integer iterations;
    /** Highest canary weight before promotion (percent). */
    private Integer maxWeight;
    /** Weight added at each step. */
    private Integer stepWeight;
    /** Explicit weights for each step; wins over stepWeight. */
    private List<Integer> stepWeights;
    /** Weight moved to the primary at each promotion step (not acted on yet). */
    private Integer stepWeightPromotion;
    /** Failed checks before the rollout is rolled back. */
    private Integer threshold;
    private Boolean mirror;
    private Integer mirrorWeight;
    private Integer primaryReadyThreshold;
    private Integer canaryReadyThreshold;
    /** A/B testing matches (headers, cookies), kept as written. */
    private List<Map<String, Object>> match;
    /** The checks run at each step. */
    private List<CanaryMetric> metrics;
    /** Webhooks called at each stage (not called yet). */
    private List<CanaryWebhook> webhooks;

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Integer getIterations() {
        return iterations;
    }

    public void setIterations(Integer iterations) {
        this.iterations = iterations;
    }

    public Integer getMaxWeight() {
        return maxWeight;
    }

    public void setMaxWeight(Integer maxWeight) {
        this.maxWeight = maxWeight;
    }

    public Integer getStepWeight() {
        return stepWeight;
    }

    public void setStepWeight(Integer stepWeight) {
        this.stepWeight = stepWeight;
    }

    public List<Integer> getStepWeights() {
        return stepWeights;
    }

    public void setStepWeights(List<Integer> stepWeights) {
        this.stepWeights = stepWeights;
    }

    public Integer getStepWeightPromotion() {
        return stepWeightPromotion;
    }

    public void setStepWeightPromotion(Integer stepWeightPromotion) {
        this.stepWeightPromotion = stepWeightPromotion;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }

    public Boolean getMirror() {
        return mirror;
    }

    public void setMirror(Boolean mirror) {
        this.mirror = mirror;
    }

    public Integer getMirrorWeight() {
        return mirrorWeight;
    }

    public void setMirrorWeight(Integer mirrorWeight) {
        this.mirrorWeight = mirrorWeight;
    }

    public Integer getPrimaryReadyThreshold() {
        return primaryReadyThreshold;
    }

    public void setPrimaryReadyThreshold(Integer primaryReadyThreshold) {
        this.primaryReadyThreshold = primaryReadyThreshold;
    }

    public Integer getCanaryReadyThreshold() {
        return canaryReadyThreshold;
    }

    public void setCanaryReadyThreshold(Integer canaryReadyThreshold) {
        this.canaryReadyThreshold = canaryReadyThreshold;
    }

    public List<Map<String, Object>> getMatch() {
        return match;
    }

    public void setMatch(List<Map<String, Object>> match) {
        this.match = match;
    }

    public List<CanaryMetric> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<CanaryMetric> metrics) {
        this.metrics = metrics;
    }

    public List<CanaryWebhook> getWebhooks() {
        return webhooks;
    }

    public void setWebhooks(List<CanaryWebhook> webhooks) {
        this.webhooks = webhooks;
    }
}
