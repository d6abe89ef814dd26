package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.FluxStatus;

import java.util.Map;

/**
 * The observed state of an {@link ImageUpdateAutomation}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageUpdateAutomationStatus extends FluxStatus {

    private String lastAutomationRunTime;
    private String lastPushCommit;
    private String lastPushTime;
    /** Policy name to the image it pointed at in the last run. */
    private Map<String, ImageRef> observedPolicies;
    private String observedSourceRevision;

    public String getLastAutomationRunTime() {
        return lastAutomationRunTime;
    }

    public void setLastAutomationRunTime(String lastAutomationRunTime) {
        this.lastAutomationRunTime = lastAutomationRunTime;
    }

    public String getLastPushCommit() {
        return lastPushCommit;
    }

    public void setLastPushCommit(String lastPushCommit) {
        this.lastPushCommit = lastPushCommit;
    }

    public String getLastPushTime() {
        return lastPushTime;
    }

    public void setLastPushTime(String lastPushTime) {
        this.lastPushTime = lastPushTime;
    }

    public Map<String, ImageRef> getObservedPolicies() {
        return observedPolicies;
    }

    public void setObservedPolicies(Map<String, ImageRef> observedPolicies) {
        this.observedPolicies = observedPolicies;
    }

    public String getObservedSourceRevision() {
        return observedSourceRevision;
    }

    public void setObservedSourceRevision(String observedSourceRevision) {
        this.observedSourceRevision = observedSourceRevision;
    }
}
