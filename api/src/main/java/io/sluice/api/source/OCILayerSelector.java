package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Which layer of an OCI artifact becomes the artifact ({@code spec.layerSelector}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OCILayerSelector extends KeepsUnknownFields {

    /** The layer's media type; the first layer when missing. */
    private String mediaType;
    /** {@code extract} (default: the layer's files, re-packed) or {@code copy} (the layer's bytes as they are). */
    private String operation;

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }
}
