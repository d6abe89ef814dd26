package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;
import java.util.Map;

/**
 * The observed state of an {@link ImageUpdateAutomation}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageUpdateAutomationStatus extends KeepsUnknownFields implements FluxStatus {

    private String lastAutomationRunTime;
    private String lastPushCommit;
    private String lastPushTime;
    /** The last generation the controller acted on. */
    private Long observedGeneration;
    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    /** Policy name to the image it pointed at in the last run. */
    private Map<String, ImageRef> observedPolicies;
    private String observedSourceRevision;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;

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

    @Override
    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    @Override
    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }
}
