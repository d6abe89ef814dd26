package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

/**
 * How to decrypt SOPS-encrypted manifests.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Decryption extends KeepsUnknownFields {

    /** Only {@code sops}. */
    private String provider;
    private LocalObjectReference secretRef;
    private String serviceAccountName;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }
}
