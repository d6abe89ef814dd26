package io.sluice.registry;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Trusts a private CA given as PEM (the {@code ca.crt} of a {@code certSecretRef}) instead of the JVM's CAs: for
 * registries here, and for Helm chart repositories in source-service.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /**
     * An SSL context that trusts exactly the certificates of {@code pem}.
     */
    public static SSLContext trusting(String pem) throws RegistryException {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new RegistryException(RegistryException.Failure.TLS, "'ca.crt' of spec.certSecretRef holds no certificate; put the server's CA certificate there in PEM");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new RegistryException(RegistryException.Failure.TLS, "'ca.crt' of spec.certSecretRef cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }
}
