package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The observed state of a {@link HelmRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmRepositoryStatus extends KeepsUnknownFields implements FluxStatus {

    /** The last generation the controller acted on. */
    private Long observedGeneration;
    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    /** Address of the repository index as served by the source service. */
    private String url;
    private Artifact artifact;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;

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

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Artifact getArtifact() {
        return artifact;
    }

    public void setArtifact(Artifact artifact) {
        this.artifact = artifact;
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
