package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * The observed state of an {@link ImageRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRepositoryStatus extends KeepsUnknownFields implements FluxStatus {

    /** Conditions holds the conditions of the object (Ready, Reconciling, Stalled, ...). */
    private List<Condition> conditions;
    /** The last generation the controller acted on. */
    private Long observedGeneration;
    private String canonicalImageName;
    private ScanResult lastScanResult;
    private List<String> observedExclusionList;
    /** The value of the reconcile.fluxcd.io/requestedAt annotation last handled. */
    private String lastHandledReconcileAt;

    @Override
    public List<Condition> getConditions() {
        return conditions;
    }

    @Override
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    @Override
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    @Override
    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getCanonicalImageName() {
        return canonicalImageName;
    }

    public void setCanonicalImageName(String canonicalImageName) {
        this.canonicalImageName = canonicalImageName;
    }

    public ScanResult getLastScanResult() {
        return lastScanResult;
    }

    public void setLastScanResult(ScanResult lastScanResult) {
        this.lastScanResult = lastScanResult;
    }

    public List<String> getObservedExclusionList() {
        return observedExclusionList;
    }

    public void setObservedExclusionList(List<String> observedExclusionList) {
        this.observedExclusionList = observedExclusionList;
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
