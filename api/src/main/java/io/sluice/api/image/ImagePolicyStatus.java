package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.FluxStatus;

/**
 * The observed state of an {@link ImagePolicy}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagePolicyStatus extends FluxStatus {

    private ImageRef latestRef;
    private ImageRef observedPreviousRef;

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
}
