package io.sluice.registry;

import java.net.http.HttpClient;
import java.time.Duration;
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
            client = builder().sslContext(PemTrust.trusting(access.caPem())).build();
            byCa.put(access.caPem(), client);
        }
        return client;
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL);
    }
}
