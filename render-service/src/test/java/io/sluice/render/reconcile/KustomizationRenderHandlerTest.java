package io.sluice.render.reconcile;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.api.kustomize.SubstituteReference;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler against the sandbox's in-memory Kubernetes API, with events captured instead of sent to Kafka. */
class KustomizationRenderHandlerTest {

    private static final ObjectKey SOURCE = ObjectKey.of("GitRepository", "flux-system", "app");
    private static final String REVISION = "main@sha1:3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    private static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              env: ${env}
            """;

    private static SandboxCluster cluster;
    private static HttpServer server;
    private static byte[] artifact;

    @TempDir
    Path store;
    private final List<SluiceEvent> sent = new CopyOnWriteArrayList<>();
    private KustomizationRenderHandler handler;

    @BeforeAll
    static void start() throws IOException {
        cluster = SandboxCluster.start();
        artifact = tarGz(Map.of("deploy/configmap.yaml", MANIFEST));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/app.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, artifact.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(artifact);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void handler() {
        handler = new KustomizationRenderHandler(cluster.client(), event -> {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }, settings(store));
    }

    private static ArtifactReady ready() {
        return new ArtifactReady(SOURCE, REVISION, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/app.tar.gz"),
                Digest.sha256(artifact), artifact.length);
    }

    private static Kustomization create(KubernetesClient client, String name, String path, PostBuild postBuild) {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("GitRepository");
        ref.setName("app");
        KustomizationSpec spec = new KustomizationSpec();
        spec.setSourceRef(ref);
        spec.setPath(path);
        spec.setInterval("10m");
        spec.setPrune(true);
        spec.setPostBuild(postBuild);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace("flux-system").withName(name).build());
        ks.setSpec(spec);
        return client.resources(Kustomization.class).inNamespace("flux-system").resource(ks).create();
    }

    @Test
    void publishes_rendered_manifests_with_variables_from_a_configmap_and_nothing_new_the_second_time() {
        KubernetesClient client = cluster.client();
        client.configMaps().inNamespace("flux-system").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("cluster-vars").endMetadata().addToData("env", "prod").build()).create();
        PostBuild postBuild = new PostBuild();
        SubstituteReference ref = new SubstituteReference();
        ref.setKind("ConfigMap");
        ref.setName("cluster-vars");
        postBuild.setSubstituteFrom(List.of(ref));
        create(client, "good", "./deploy", postBuild);

        handler.onArtifact(ready());

        ManifestsRendered rendered = sent.stream().filter(ManifestsRendered.class::isInstance).map(ManifestsRendered.class::cast)
                .filter(e -> e.app().name().equals("good")).findFirst().orElseThrow();
        assertThat(rendered.sourceRevision()).isEqualTo(REVISION);
        String yaml = ((RenderedManifests.Inline) rendered.manifests()).yaml();
        assertThat(yaml).contains("env: prod");
        assertThat(rendered.digest()).isEqualTo(Digest.sha256(yaml.getBytes(StandardCharsets.UTF_8)));

        sent.clear();
        handler.onArtifact(ready());
        assertThat(sent).noneMatch(e -> e instanceof ManifestsRendered m && m.app().name().equals("good"));
    }

    @Test
    void failure_sets_ready_false_with_the_reason_and_publishes_an_error_event() {
        KubernetesClient client = cluster.client();
        create(client, "missing-path", "./deploy/prod", null);

        handler.onArtifact(ready());

        Kustomization ks = await(() -> {
            Kustomization k = client.resources(Kustomization.class).inNamespace("flux-system").withName("missing-path").get();
            return k.getStatus() != null && k.getStatus().getConditions() != null ? k : null;
        });
        assertThat(ks.getStatus().getLastAttemptedRevision()).isEqualTo(REVISION);
        assertThat(ks.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ArtifactFailed");
            assertThat(c.getMessage()).isEqualTo("kustomization path './deploy/prod' not found in artifact of GitRepository flux-system/app at " + REVISION);
        });
        ObjectEvent event = sent.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .filter(e -> e.involvedObject().name().equals("missing-path")).findFirst().orElseThrow();
        assertThat(event.severity()).isEqualTo(Severity.ERROR);
        assertThat(event.reason()).isEqualTo("ArtifactFailed");
        assertThat(event.reportingController()).isEqualTo("render-service");
        assertThat(sent).noneMatch(e -> e instanceof ManifestsRendered m && m.app().name().equals("missing-path"));
    }

    @Test
    void strict_substitution_failure_is_build_failed() {
        KubernetesClient client = cluster.client();
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(Map.of("unrelated", "x"));
        create(client, "unset-var", "./deploy", postBuild);

        handler.onArtifact(ready());

        ObjectEvent event = sent.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .filter(e -> e.involvedObject().name().equals("unset-var")).findFirst().orElseThrow();
        assertThat(event.reason()).isEqualTo("BuildFailed");
        assertThat(event.message()).contains("variable not set (strict mode): \"env\"");
    }

    @Test
    void reconcile_request_renders_from_the_latest_artifact_and_waits_for_one_when_there_is_none() {
        KubernetesClient client = cluster.client();
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(Map.of("env", "staging"));
        create(client, "on-request", "./deploy", postBuild);
        ObjectKey key = ObjectKey.of("Kustomization", "flux-system", "on-request");
        ReconcileRequested request = new ReconcileRequested(key, Instant.now(), "sluice-cli");

        handler.onReconcileRequest(request);   // no artifact seen yet

        Kustomization waiting = client.resources(Kustomization.class).inNamespace("flux-system").withName("on-request").get();
        assertThat(waiting.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("ArtifactFailed");
            assertThat(c.getMessage()).startsWith("Source artifact not found");
        });
        assertThat(sent).isEmpty();

        handler.onArtifact(ready());
        sent.clear();
        handler.onReconcileRequest(new ReconcileRequested(ObjectKey.of("GitRepository", "flux-system", "app"), Instant.now(), "x"));
        assertThat(sent).isEmpty();   // not a Kustomization: not ours

        KustomizationRenderHandler restarted = new KustomizationRenderHandler(client, event -> {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }, settings(store));
        restarted.onArtifact(ready());
        sent.clear();
        handler.onReconcileRequest(request);   // the first handler already published this rendering: nothing new
        assertThat(sent).isEmpty();
        client.resources(Kustomization.class).inNamespace("flux-system").withName("on-request")
                .edit(k -> { k.getSpec().getPostBuild().setSubstitute(Map.of("env", "changed")); return k; });
        handler.onReconcileRequest(request);
        assertThat(sent).singleElement().isInstanceOfSatisfying(ManifestsRendered.class,
                m -> assertThat(((RenderedManifests.Inline) m.manifests()).yaml()).contains("env: changed"));
    }

    private static <T> T await(java.util.function.Supplier<T> probe) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("condition not met within 10 s");
    }

    static RenderSettings settings(Path store) {
        return new RenderSettings() {
            public boolean strictSubstitution() {
                return true;
            }

            public int inlineLimitBytes() {
                return 512 * 1024;
            }

            public String storeDir() {
                return store.toString();
            }

            public String storeUrl() {
                return "http://127.0.0.1/manifests/";
            }

            public long artifactMaxDownloadBytes() {
                return 1 << 20;
            }

            public long artifactMaxUnpackedBytes() {
                return 1 << 20;
            }

            public int artifactMaxEntries() {
                return 100;
            }

            public Duration artifactTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }

    static byte[] tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
