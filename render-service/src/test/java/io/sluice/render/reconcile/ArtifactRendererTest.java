package io.sluice.render.reconcile;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.render.artifact.ArtifactFetcher;
import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.build.KustomizationRenderer;
import io.sluice.render.store.FileManifestStore;
import io.sluice.render.store.ManifestPacker;
import io.sluice.render.substitute.VariableSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactRendererTest {

    private static final ObjectKey SOURCE = ObjectKey.of("GitRepository", "flux-system", "app");
    private static final String REVISION = "main@sha1:3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";

    @TempDir
    Path store;
    private HttpServer server;
    private byte[] artifact;
    private ArtifactRenderer renderer;

    @BeforeEach
    void start() throws IOException {
        // the renderer's own fixtures (render-kit), packed as an artifact
        artifact = tarGz(Path.of("../render-kit/src/test/resources/render/overlay"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/app.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, artifact.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(artifact);
            }
        });
        server.start();
        renderer = new ArtifactRenderer(new ArtifactFetcher(ArtifactLimits.DEFAULT), new KustomizationRenderer(true),
                new ManifestPacker(new FileManifestStore(store, URI.create("http://127.0.0.1/manifests/"))),
                new PublishedRenderings());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ArtifactReady ready(Digest digest) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/app.tar.gz");
        return new ArtifactReady(SOURCE, REVISION, url, digest, artifact.length);
    }

    static Kustomization ks(String namespace, String name, String path, String sourceName, String sourceNamespace) {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("GitRepository");
        ref.setName(sourceName);
        ref.setNamespace(sourceNamespace);
        KustomizationSpec spec = new KustomizationSpec();
        spec.setSourceRef(ref);
        spec.setPath(path);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        ks.setSpec(spec);
        return ks;
    }

    @Test
    void renders_every_kustomization_of_the_source_and_only_those() {
        Kustomization prod = ks("flux-system", "prod", "./prod", "app", null);
        Kustomization crossNamespace = ks("team-a", "base", "./base", "app", "flux-system");
        Kustomization otherSource = ks("flux-system", "other", "./prod", "something-else", null);
        Kustomization sameNameOtherNamespace = ks("team-b", "wrong-ns", "./prod", "app", null);
        Kustomization suspended = ks("flux-system", "suspended", "./prod", "app", null);
        suspended.getSpec().setSuspend(true);
        Kustomization broken = ks("flux-system", "broken", "./deploy/missing", "app", null);

        List<RenderOutcome> outcomes = renderer.onArtifact(ready(Digest.sha256(artifact)),
                List.of(prod, crossNamespace, otherSource, sameNameOtherNamespace, suspended, broken), VariableSource.none());

        assertThat(outcomes).extracting(RenderOutcome::app).containsExactlyInAnyOrder(
                ObjectKey.of("Kustomization", "flux-system", "prod"), ObjectKey.of("Kustomization", "team-a", "base"),
                ObjectKey.of("Kustomization", "flux-system", "suspended"), ObjectKey.of("Kustomization", "flux-system", "broken"));
        RenderOutcome.Rendered rendered = (RenderOutcome.Rendered) outcomes.stream()
                .filter(o -> o.app().name().equals("prod")).findFirst().orElseThrow();
        assertThat(rendered.event().sourceRevision()).isEqualTo(REVISION);
        assertThat(rendered.event().pushReceivedAt()).as("no push led to this artifact").isNull();
        assertThat(rendered.objects()).isEqualTo(4);
        assertThat(((RenderedManifests.Inline) rendered.event().manifests()).yaml()).contains("name: file-web");
        assertThat(outcomes).filteredOn(o -> o.app().name().equals("suspended")).singleElement().isInstanceOf(RenderOutcome.Suspended.class);
        RenderOutcome.Failed failed = (RenderOutcome.Failed) outcomes.stream()
                .filter(o -> o.app().name().equals("broken")).findFirst().orElseThrow();
        assertThat(failed.error().conditionReason()).isEqualTo("ArtifactFailed");
        assertThat(failed.error().getMessage())
                .isEqualTo("kustomization path './deploy/missing' not found in artifact of GitRepository flux-system/app at " + REVISION);
    }

    @Test
    void same_inputs_after_publishing_give_nothing_new_but_a_new_revision_does() {
        PublishedRenderings published = new PublishedRenderings();
        renderer = new ArtifactRenderer(new ArtifactFetcher(ArtifactLimits.DEFAULT), new KustomizationRenderer(true),
                new ManifestPacker(new FileManifestStore(store, URI.create("http://127.0.0.1/manifests/"))), published);
        Kustomization prod = ks("flux-system", "prod", "./prod", "app", null);

        RenderOutcome.Rendered first = (RenderOutcome.Rendered) renderer.onArtifact(ready(Digest.sha256(artifact)), List.of(prod),
                VariableSource.none()).get(0);
        published.published(first.app(), first.event().sourceRevision(), first.event().digest());

        assertThat(renderer.onArtifact(ready(Digest.sha256(artifact)), List.of(prod), VariableSource.none()))
                .singleElement().isInstanceOf(RenderOutcome.Unchanged.class);

        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/app.tar.gz");
        ArtifactReady newCommit = new ArtifactReady(SOURCE, "main@sha1:" + "b".repeat(40), url, Digest.sha256(artifact), artifact.length);
        assertThat(renderer.onArtifact(newCommit, List.of(prod), VariableSource.none()))
                .singleElement().isInstanceOfSatisfying(RenderOutcome.Rendered.class,
                        r -> assertThat(r.event().digest()).isEqualTo(first.event().digest()));
    }

    @Test
    void the_push_that_led_to_the_artifact_travels_on_to_the_rendering() {
        Instant pushed = Instant.parse("2026-11-28T01:02:03.456Z");
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/app.tar.gz");
        ArtifactReady afterPush = new ArtifactReady(SOURCE, REVISION, url, Digest.sha256(artifact), artifact.length, pushed);

        assertThat(renderer.onArtifact(afterPush, List.of(ks("flux-system", "prod", "./prod", "app", null)), VariableSource.none()))
                .singleElement().isInstanceOfSatisfying(RenderOutcome.Rendered.class,
                        r -> assertThat(r.event().pushReceivedAt()).isEqualTo(pushed));
    }

    @Test
    void artifact_failure_fails_every_user_of_the_source() {
        Kustomization a = ks("flux-system", "a", "./prod", "app", null);
        Kustomization b = ks("flux-system", "b", "./base", "app", null);

        List<RenderOutcome> outcomes = renderer.onArtifact(ready(Digest.sha256(new byte[]{1})), List.of(a, b), VariableSource.none());

        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(o).isInstanceOf(RenderOutcome.Failed.class);
            assertThat(((RenderOutcome.Failed) o).error().conditionReason()).isEqualTo("ArtifactFailed");
            assertThat(((RenderOutcome.Failed) o).error().getMessage()).contains("failed to verify");
        });
    }

    @Test
    void build_failure_is_build_failed_and_others_still_render(@TempDir Path tmp) throws IOException {
        Kustomization patched = ks("flux-system", "bad-patch", "./prod", "app", null);
        io.sluice.api.kustomize.Patch p = new io.sluice.api.kustomize.Patch();
        p.setPatch("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: does-not-exist\ndata:\n  x: y\n");
        patched.getSpec().setPatches(List.of(p));
        Kustomization fine = ks("flux-system", "fine", "./base", "app", null);

        List<RenderOutcome> outcomes = renderer.onArtifact(ready(Digest.sha256(artifact)), List.of(patched, fine), VariableSource.none());

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(RenderOutcome.Failed.class,
                f -> assertThat(f.error().conditionReason()).isEqualTo("BuildFailed"));
        assertThat(outcomes.get(1)).isInstanceOf(RenderOutcome.Rendered.class);
    }

    private static byte[] tarGz(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes));
             Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted().toList()) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                TarArchiveEntry e = new TarArchiveEntry(dir.relativize(p).toString());
                byte[] data = Files.readAllBytes(p);
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
