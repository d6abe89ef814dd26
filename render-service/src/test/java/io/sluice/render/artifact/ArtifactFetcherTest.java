package io.sluice.render.artifact;

import com.sun.net.httpserver.HttpServer;
import io.sluice.api.events.Digest;
import io.sluice.render.build.RenderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Serves artifacts from the JDK's HttpServer on loopback, as source-service would. */
class ArtifactFetcherTest {

    private static final String WHAT = "artifact of GitRepository flux-system/app at main@sha1:3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";

    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private HttpServer server;
    private final ArtifactFetcher fetcher = new ArtifactFetcher(ArtifactLimits.DEFAULT);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI serve(String path, byte[] body) {
        served.put(path, body);
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    @Test
    void downloads_verifies_and_unpacks() throws IOException {
        byte[] tgz = new TarGz().dir("deploy").file("deploy/app.yaml", "kind: ConfigMap\n").file("./README.md", "hi").bytes();
        URI url = serve("/gitrepository/flux-system/app/3f2a.tar.gz", tgz);

        Path root;
        try (UnpackedArtifact artifact = fetcher.fetch(url, Digest.sha256(tgz), WHAT)) {
            root = artifact.root();
            assertThat(Files.readString(root.resolve("deploy/app.yaml"))).isEqualTo("kind: ConfigMap\n");
            assertThat(Files.readString(root.resolve("README.md"))).isEqualTo("hi");
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void digest_mismatch_is_artifact_failed_naming_both_digests() {
        byte[] tgz = new TarGz().file("app.yaml", "kind: ConfigMap\n").bytes();
        URI url = serve("/a.tar.gz", tgz);
        Digest other = Digest.sha256("something else".getBytes());

        assertThatThrownBy(() -> fetcher.fetch(url, other, WHAT))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("ArtifactFailed"))
                .hasMessageContaining("failed to verify " + WHAT)
                .hasMessageContaining("computed digest " + Digest.sha256(tgz))
                .hasMessageContaining("does not match expected " + other);
    }

    @Test
    void http_error_is_artifact_failed_with_status() {
        URI url = serve("/present.tar.gz", new byte[]{1});
        URI missing = url.resolve("/gone.tar.gz");

        assertThatThrownBy(() -> fetcher.fetch(missing, Digest.sha256(new byte[0]), WHAT))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("ArtifactFailed"))
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void download_above_the_limit_is_refused() {
        byte[] big = new byte[4096];
        URI url = serve("/big.tar.gz", big);
        ArtifactFetcher small = new ArtifactFetcher(new ArtifactLimits(1024, 1 << 20, 100, Duration.ofSeconds(10)));

        assertThatThrownBy(() -> small.download(url, Digest.sha256(big), WHAT))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void not_a_tar_gz_is_reported() {
        byte[] junk = "this is not gzip".getBytes();
        URI url = serve("/junk.tar.gz", junk);

        assertThatThrownBy(() -> fetcher.fetch(url, Digest.sha256(junk), WHAT))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining(WHAT + " is not a valid tar.gz");
    }
}
