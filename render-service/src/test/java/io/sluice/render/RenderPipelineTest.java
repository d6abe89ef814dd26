package io.sluice.render;

import io.sluice.sandbox.testing.TestKafka;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.render.config.RenderConfig;
import io.sluice.render.testing.FluxObjects;
import io.sluice.render.store.FileManifestStore;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import jakarta.inject.Inject;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole render step through Kafka: ArtifactReady on sluice.source.artifact → ManifestsRendered on
 * sluice.render.manifests for a Kustomization in the sandbox cluster; a Kustomization whose path is missing gets
 * Ready=False ArtifactFailed and an error ObjectEvent on sluice.events. The artifact is served by the JDK's
 * HttpServer on loopback.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class RenderPipelineTest {

    private static final String REVISION = "main@sha1:" + "c".repeat(40);
    private static HttpServer server;
    private static byte[] artifact;

    @BeforeAll
    static void serveArtifact() throws IOException {
        artifact = tarGz("deploy/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pipeline\ndata:\n  from: git\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pipeline.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, artifact.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(artifact);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void createKustomization(String name, String path) {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("GitRepository");
        ref.setName("pipeline-repo");
        KustomizationSpec spec = new KustomizationSpec();
        spec.setSourceRef(ref);
        spec.setPath(path);
        spec.setInterval("10m");
        spec.setPrune(true);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace("flux-system").withName(name).build());
        ks.setSpec(spec);
        SandboxClusterResource.cluster().client().resources(Kustomization.class).inNamespace("flux-system").resource(ks).create();
    }

    @Test
    void artifactReadyIsRenderedAndPublished() {
        createKustomization("pipeline-good", "./deploy");
        createKustomization("pipeline-missing", "./nowhere");
        KubernetesClient client = SandboxClusterResource.cluster().client();
        // Created, each is rendered at once from its source's status: there is no such GitRepository here. Wait for
        // that, so the render of the ArtifactReady below is the last word on their status.
        for (String name : new String[]{"pipeline-good", "pipeline-missing"}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(FluxObjects.readyReasonAndMessage(client, "flux-system", name))
                    .isEqualTo("False ArtifactFailed: Source 'GitRepository/flux-system/pipeline-repo' not found, retrying in 10m0s"));
        }

        TestKafka.publish(new ArtifactReady(ObjectKey.of("GitRepository", "flux-system", "pipeline-repo"), REVISION,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pipeline.tar.gz"),
                Digest.sha256(artifact), artifact.length));

        ManifestsRendered rendered = TestKafka.CODEC.decode(TestKafka.awaitRecord("sluice.render.manifests",
                r -> "Kustomization/flux-system/pipeline-good".equals(r.key())), ManifestsRendered.class).data();
        assertThat(rendered.sourceRevision()).isEqualTo(REVISION);
        String yaml = ((RenderedManifests.Inline) rendered.manifests()).yaml();
        assertThat(yaml).isEqualTo("apiVersion: v1\ndata:\n  from: git\nkind: ConfigMap\nmetadata:\n  name: pipeline\n");
        assertThat(rendered.digest()).isEqualTo(Digest.sha256(yaml.getBytes(StandardCharsets.UTF_8)));

        // (Created before its GitRepository exists, it also gets "Source ... not found": look for the path error.)
        ObjectEvent failure = TestKafka.CODEC.decode(TestKafka.awaitRecord("sluice.events",
                r -> "Kustomization/flux-system/pipeline-missing".equals(r.key())
                        && TestKafka.CODEC.decode(r, ObjectEvent.class).data().message().contains("not found in artifact")),
                ObjectEvent.class).data();
        assertThat(failure.reason()).isEqualTo("ArtifactFailed");
        assertThat(failure.message()).contains("kustomization path './nowhere' not found");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Kustomization ks = client.resources(Kustomization.class).inNamespace("flux-system").withName("pipeline-missing").get();
            assertThat(ks.getStatus()).isNotNull();
            assertThat(ks.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Ready");
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("ArtifactFailed");
                assertThat(c.getMessage()).contains("kustomization path './nowhere' not found");
            });
        });
    }

    @Test
    void claimCheckStoreAnswers404ForUnknownDigests() {
        given().when().get("/manifests/sha256/" + "0".repeat(64) + ".yaml.gz").then().statusCode(404);
        given().when().get("/manifests/sha256/not-a-digest.yaml.gz").then().statusCode(404);
    }

    @Inject
    RenderConfig settings;

    @Test
    void claimCheckStoreServesStoredManifests() throws IOException {
        FileManifestStore store = new FileManifestStore(Path.of(settings.storeDir()), URI.create(settings.storeUrl()));
        byte[] gzip = RenderedManifests.Inline.of("apiVersion: v1\nkind: ConfigMap\n").gzip();
        Digest digest = Digest.sha256(gzip);
        URI url = store.put(digest, gzip);

        assertThat(url.getPath()).isEqualTo("/manifests/sha256/" + digest.hex() + ".yaml.gz");
        try {
            byte[] served = given().when().get(url.getPath()).then().statusCode(200).extract().asByteArray();
            assertThat(served).isEqualTo(gzip);
        } finally {
            java.nio.file.Files.deleteIfExists(store.fileFor(digest));
        }
    }

    private static byte[] tarGz(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
