package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * How to verify the commit or tag signature ({@code spec.verify}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitRepositoryVerification extends KeepsUnknownFields {

    /** HEAD, head, Tag or TagAndHEAD. */
    private String mode;
    /** Secret holding the trusted public keys. */
    private LocalObjectReference secretRef;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }
}
