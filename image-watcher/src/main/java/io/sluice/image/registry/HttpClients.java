package io.sluice.image.registry;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK HTTP clients registry calls use: one trusting the JVM's CAs, and one per distinct {@code ca.crt}
 * (kept, so that scans of the same registry reuse connections). Redirects are followed except from HTTPS to HTTP
 * (registries redirect blob downloads, and some the token endpoint).
 */
final class HttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient jvmTrust = builder().build();
    private final Map<String, HttpClient> byCa = new ConcurrentHashMap<>();

    HttpClient forAccess(RegistryAccess access) throws RegistryException {
        if (access.caPem() == null || access.insecure()) {
            return jvmTrust;
        }
        HttpClient client = byCa.get(access.caPem());
        if (client == null) {
            client = builder().sslContext(trusting(access.caPem())).build();
            byCa.put(access.caPem(), client);
        }
        return client;
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL);
    }

    /** An SSL context that trusts exactly the certificates of {@code pem}. */
    static SSLContext trusting(String pem) throws RegistryException {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new RegistryException(RegistryException.Failure.TLS, "'ca.crt' of spec.certSecretRef holds no certificate; put the registry's CA certificate there in PEM");
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
