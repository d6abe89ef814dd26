package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * A Secret with an OpenPGP ({@code gpg}) or SSH ({@code ssh}) key to sign commits with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SigningKey extends KeepsUnknownFields {

    private LocalObjectReference secretRef;
    private String type;

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
