package io.sluice.source.reconcile;

import io.quarkus.runtime.LaunchMode;
import io.sluice.source.config.SourceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The URL an artifact is downloaded from: {@code <advertised base>/artifacts/<storage path>}, e.g.
 * {@code http://source-service:8080/artifacts/gitrepository/flux-system/podinfo/<sha256 hex>.tar.gz}.
 * The base is {@code sluice.source.storage.advertised-url}, or {@code http://localhost:<port this service
 * listens on>} when unset.
 */
@ApplicationScoped
public class ArtifactUrls {

    /** The REST path prefix the artifacts are served under (see {@code io.sluice.source.rest.ArtifactResource}). */
    public static final String PREFIX = "/artifacts/";

    private final Supplier<String> base;

    @Inject
    ArtifactUrls(SourceConfig config) {
        this.base = () -> base(config);
    }

    /** URLs under a fixed base, e.g. {@code http://localhost:8082}. */
    ArtifactUrls(String base) {
        this.base = () -> base;
    }

    public URI urlFor(String storagePath) {
        return URI.create(base.get() + PREFIX + storagePath);
    }

    private static String base(SourceConfig config) {
        String configured = config.storage().advertisedUrl().orElse("").trim();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        // Read when needed, not at start-up: with port 0 (tests) Quarkus publishes the port it bound only once
        // the HTTP server runs.
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String port = System.getProperty(key, ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("8080"));
        return "http://localhost:" + port;
    }
}
