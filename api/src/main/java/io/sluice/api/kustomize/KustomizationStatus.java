package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The observed state of a {@link Kustomization}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KustomizationStatus extends KeepsUnknownFields implements FluxStatus {

    /** The last generation the controller acted on. */
    private Long observedGeneration;
    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    private String lastAppliedRevision;
    private String lastAppliedOriginRevision;
    private String lastAttemptedRevision;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;
    private ResourceInventory inventory;

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

    public String getLastAppliedRevision() {
        return lastAppliedRevision;
    }

    public void setLastAppliedRevision(String lastAppliedRevision) {
        this.lastAppliedRevision = lastAppliedRevision;
    }

    public String getLastAppliedOriginRevision() {
        return lastAppliedOriginRevision;
    }

    public void setLastAppliedOriginRevision(String lastAppliedOriginRevision) {
        this.lastAppliedOriginRevision = lastAppliedOriginRevision;
    }

    public String getLastAttemptedRevision() {
        return lastAttemptedRevision;
    }

    public void setLastAttemptedRevision(String lastAttemptedRevision) {
        this.lastAttemptedRevision = lastAttemptedRevision;
    }

    @Override
    public String getLastHandledReconcileAt() {
        return lastHandledReconcileAt;
    }

    @Override
    public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
        this.lastHandledReconcileAt = lastHandledReconcileAt;
    }

    public ResourceInventory getInventory() {
        return inventory;
    }

    public void setInventory(ResourceInventory inventory) {
        this.inventory = inventory;
    }
}
