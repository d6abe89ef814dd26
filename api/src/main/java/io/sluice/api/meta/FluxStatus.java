package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;

/**
 * A status written with Flux's conventions: metav1 conditions, the generation they describe, and the last
 * handled {@code reconcile.fluxcd.io/requestedAt} annotation. The base of the status of every kind that has
 * one, so {@link Conditions} and the reconcile-request handling work on all of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class FluxStatus extends KeepsUnknownFields {

    /** The last generation the controller acted on. */
    private Long observedGeneration;
    /** The conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    /** The value of the {@code reconcile.fluxcd.io/requestedAt} annotation last acted on ({@code flux reconcile}). */
    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }
}
