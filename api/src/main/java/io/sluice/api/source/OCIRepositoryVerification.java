package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.LocalObjectReference;

import java.util.List;

/**
 * How to verify an OCI artifact's signature ({@code spec.verify} of an {@link OCIRepository}). Read, not acted on yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OCIRepositoryVerification extends KeepsUnknownFields {

    /** {@code cosign} or {@code notation}. */
    private String provider;
    /** The Secret holding the trusted public keys. */
    private LocalObjectReference secretRef;
    private List<OIDCIdentityMatch> matchOIDCIdentity;
    private LocalObjectReference trustedRootSecretRef;

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

    public List<OIDCIdentityMatch> getMatchOIDCIdentity() {
        return matchOIDCIdentity;
    }

    public void setMatchOIDCIdentity(List<OIDCIdentityMatch> matchOIDCIdentity) {
        this.matchOIDCIdentity = matchOIDCIdentity;
    }

    public LocalObjectReference getTrustedRootSecretRef() {
        return trustedRootSecretRef;
    }

    public void setTrustedRootSecretRef(LocalObjectReference trustedRootSecretRef) {
        this.trustedRootSecretRef = trustedRootSecretRef;
    }
}
