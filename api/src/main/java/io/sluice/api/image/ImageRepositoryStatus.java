package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.FluxStatus;

import java.util.List;

/**
 * The observed state of an {@link ImageRepository}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageRepositoryStatus extends FluxStatus {

    private String canonicalImageName;
    private ScanResult lastScanResult;
    private List<String> observedExclusionList;

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
}
