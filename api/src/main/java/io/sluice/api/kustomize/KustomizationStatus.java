package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.FluxStatus;

/**
 * The observed state of a {@link Kustomization}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KustomizationStatus extends FluxStatus {

    private String lastAppliedRevision;
    private String lastAppliedOriginRevision;
    private String lastAttemptedRevision;
    private ResourceInventory inventory;

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

    public ResourceInventory getInventory() {
        return inventory;
    }

    public void setInventory(ResourceInventory inventory) {
        this.inventory = inventory;
    }
}
