package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The observed state of an {@link ImagePolicy}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagePolicyStatus extends KeepsUnknownFields implements FluxStatus {

    private ImageRef latestRef;
    private ImageRef observedPreviousRef;
    /** The last generation the controller acted on. */
    private Long observedGeneration;
    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;

    public ImageRef getLatestRef() {
        return latestRef;
    }

    public void setLatestRef(ImageRef latestRef) {
        this.latestRef = latestRef;
    }

    public ImageRef getObservedPreviousRef() {
        return observedPreviousRef;
    }

    public void setObservedPreviousRef(ImageRef observedPreviousRef) {
        this.observedPreviousRef = observedPreviousRef;
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

    @Override
    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    @Override
    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }
}
