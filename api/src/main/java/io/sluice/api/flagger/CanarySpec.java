package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * The desired state of a {@link Canary}: what to roll out, how traffic reaches it, how it is analysed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanarySpec extends KeepsUnknownFields {

    /** The traffic provider, e.g. {@code gatewayapi:v1}; Sluice drives Gateway API HTTPRoutes. */
    private String provider;
    /** Prometheus address for the built-in metrics; the service's default when unset. */
    private String metricsServer;
    /** The workload rolled out: a Deployment ({@code apps/v1}) in the Canary's namespace. */
    private TargetReference targetRef;
    /** An optional HorizontalPodAutoscaler cloned for the primary (not acted on yet). */
    private TargetReference autoscalerRef;
    /** The Services and the route that split traffic between primary and canary. */
    private CanaryService service;
    /** How traffic moves and what is checked at each step. */
    private CanaryAnalysis analysis;
    /** How long the canary may take to become ready before the rollout fails (Flagger: 600). */
    private Integer progressDeadlineSeconds;
    /** Promote without analysing. */
    private Boolean skipAnalysis;
    /** Give the target its traffic back when the Canary is deleted. */
    private Boolean revertOnDeletion;
    /** Stop acting on this Canary until cleared. */
    private Boolean suspend;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getMetricsServer() {
        return metricsServer;
    }

    public void setMetricsServer(String metricsServer) {
        this.metricsServer = metricsServer;
    }

    public TargetReference getTargetRef() {
        return targetRef;
    }

    public void setTargetRef(TargetReference targetRef) {
        this.targetRef = targetRef;
    }

    public TargetReference getAutoscalerRef() {
        return autoscalerRef;
    }

    public void setAutoscalerRef(TargetReference autoscalerRef) {
        this.autoscalerRef = autoscalerRef;
    }

    public CanaryService getService() {
        return service;
    }

    public void setService(CanaryService service) {
        this.service = service;
    }

    public CanaryAnalysis getAnalysis() {
        return analysis;
    }

    public void setAnalysis(CanaryAnalysis analysis) {
        this.analysis = analysis;
    }

    public Integer getProgressDeadlineSeconds() {
        return progressDeadlineSeconds;
    }

    public void setProgressDeadlineSeconds(Integer progressDeadlineSeconds) {
        this.progressDeadlineSeconds = progressDeadlineSeconds;
    }

    public Boolean getSkipAnalysis() {
        return skipAnalysis;
    }

    public void setSkipAnalysis(Boolean skipAnalysis) {
        this.skipAnalysis = skipAnalysis;
    }

    public Boolean getRevertOnDeletion() {
        return revertOnDeletion;
    }

    public void setRevertOnDeletion(Boolean revertOnDeletion) {
        this.revertOnDeletion = revertOnDeletion;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }
}
