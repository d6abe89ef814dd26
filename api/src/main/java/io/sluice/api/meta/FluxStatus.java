package io.sluice.api.meta;

import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;

/**
 * A status written with Flux's conventions: metav1 conditions, the generation they describe, and the last
 * handled {@code reconcile.fluxcd.io/requestedAt} annotation. Implemented by the status of every kind that has
 * one, so {@link Conditions} and the reconcile-request handling work on all of them.
 */
public interface FluxStatus {

    List<Condition> getConditions();

    void setConditions(List<Condition> conditions);

    Long getObservedGeneration();

    void setObservedGeneration(Long observedGeneration);

    /** The value of the {@code reconcile.fluxcd.io/requestedAt} annotation last acted on ({@code flux reconcile}). */
    String getLastHandledReconcileAt();

    void setLastHandledReconcileAt(String lastHandledReconcileAt);
}
