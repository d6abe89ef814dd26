package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where to find a kubeconfig for a remote cluster ({@code spec.kubeConfig}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KubeConfigReference extends KeepsUnknownFields {

    private SecretKeyReference secretRef;
    private LocalObjectReference configMapRef;

    public SecretKeyReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeyReference secretRef) {
        this.secretRef = secretRef;
    }

    public LocalObjectReference getConfigMapRef() {
        return configMapRef;
    }

    public void setConfigMapRef(LocalObjectReference configMapRef) {
        this.configMapRef = configMapRef;
    }
}
