package io.sluice.source.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.HelmRepositorySpec;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.helm.ChartRepositoryClient;
import io.sluice.source.helm.ChartRepositoryServer;
import io.sluice.source.helm.HttpsChartServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HelmRepository reconciliation at a time without Quarkus: the sandbox Kubernetes API, a chart repository served
 * by a real HTTP server on loopback (with Basic auth for some), storage in a temporary folder, events in a list.
 */
class HelmRepositoryReconcilerTest {

    private static final String NS = "default";
    private static final String CONTROLLER = "source-service";
    private static final String INDEX_V1 = """
            apiVersion: v1
            entries:
              podinfo:
              - name: podinfo
                version: 6.5.0
                urls: [podinfo-6.5.0.tgz]
            """;
    private static final String INDEX_V2 = INDEX_V1 + """
              - name: podinfo
                version: 6.6.0
                urls: [podinfo-6.6.0.tgz]
            """;

    private static SandboxCluster cluster;
    private static ChartRepositoryServer server;
    @TempDir
    static Path data;
    private static ArtifactStorage storage;

    private final List<SluiceEvent> published = new CopyOnWriteArrayList<>();
    private final HelmRepositoryReconciler reconciler = new HelmRepositoryReconciler(cluster.client(), new ChartRepositoryClient(), storage,
            new ArtifactUrls("http://source.test"), event -> {
                published.add(event);
                return CompletableFuture.completedFuture(null);
            }, CONTROLLER, Duration.ofMinutes(10), Duration.ofSeconds(1));

    @BeforeAll
    static void start() throws Exception {
        cluster = SandboxCluster.start();
        server = new ChartRepositoryServer();
        storage = new ArtifactStorage(data.resolve("artifacts"), 2);
    }

    @AfterAll
    static void stop() {
        server.close();
        cluster.close();
    }

    @Test
    void anIndexIsStoredAsJsonAnnouncedOnceAndANewChartVersionIsANewArtifact() throws Exception {
        String name = unique("podinfo");
        server.put("/" + name + "/index.yaml", INDEX_V1);
        ObjectKey key = create(name, spec -> spec.setUrl(server.url() + "/" + name));

        assertThat(reconciler.reconcile(key)).isEqualTo(new Outcome(Duration.ofMinutes(5), true));

        HelmRepository ready = get(key);
        Artifact artifact = ready.getStatus().getArtifact();
        String revision = "sha256:" + sha256(INDEX_V1);
        assertThat(artifact.getRevision()).as("the digest of the index as downloaded, as Flux").isEqualTo(revision);
        assertThat(artifact.getPath()).startsWith("helmrepository/default/" + name + "/").endsWith(".json");
        assertThat(artifact.getUrl()).isEqualTo("http://source.test/artifacts/" + artifact.getPath());
        assertThat(ready.getStatus().getUrl()).isEqualTo(artifact.getUrl());
        String message = "stored artifact: revision '" + revision + "'";
        assertThat(condition(ready, ConditionTypes.READY)).isEqualTo("True/Succeeded/" + message);
        assertThat(condition(ready, ConditionTypes.ARTIFACT_IN_STORAGE)).isEqualTo("True/Succeeded/" + message);
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        byte[] stored = Files.readAllBytes(storage.find(artifact.getPath()).orElseThrow());
        assertThat(artifact.getDigest()).isEqualTo("sha256:" + sha256(stored));
        JsonNode json = new ObjectMapper().readTree(stored);
        assertThat(json.path("entries").path("podinfo").get(0).path("version").asText()).isEqualTo("6.5.0");

        assertThat(published).hasSize(2);
        ArtifactReady announced = (ArtifactReady) published.get(0);
        assertThat(announced.revision()).isEqualTo(revision);
        assertThat(announced.digest()).hasToString(artifact.getDigest());
        assertThat(announced.url()).hasToString(artifact.getUrl());
        ObjectEvent event = (ObjectEvent) published.get(1);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.reason()).isEqualTo("NewArtifact");
        assertThat(event.message()).isEqualTo("stored fetched index of size " + HelmRepositoryReconciler.humanSize(artifact.getSize())
                + " from '" + server.url() + "/" + name + "'");

        String resourceVersion = get(key).getMetadata().getResourceVersion();
        assertThat(reconciler.reconcile(key).newArtifact()).isFalse();
        assertThat(published).as("the same index is not announced twice").hasSize(2);
        assertThat(get(key).getMetadata().getResourceVersion()).as("nothing new, nothing written").isEqualTo(resourceVersion);

        server.put("/" + name + "/index.yaml", INDEX_V2);
        assertThat(reconciler.reconcile(key).newArtifact()).isTrue();
        Artifact second = get(key).getStatus().getArtifact();
        assertThat(second.getRevision()).isEqualTo("sha256:" + sha256(INDEX_V2));
        assertThat(published).filteredOn(ArtifactReady.class::isInstance).hasSize(2);
        JsonNode newest = new ObjectMapper().readTree(Files.readAllBytes(storage.find(second.getPath()).orElseThrow()));
        assertThat(newest.path("entries").path("podinfo").get(0).path("version").asText()).as("newest first").isEqualTo("6.6.0");
    }

    @Test
    void basicAuthFromTheSecretAndA401KeepsTheLastGoodArtifact() throws Exception {
        try (ChartRepositoryServer locked = new ChartRepositoryServer().put("/index.yaml", INDEX_V1).basicAuth("robot", "s3cret")) {
            String name = unique("private");
            GitRepositoryFixtures.createSecret(cluster.client(), NS, name + "-auth", Map.of("username", "robot", "password", "s3cret"));
            ObjectKey key = create(name, spec -> {
                spec.setUrl(locked.url());
                spec.setSecretRef(ref(name + "-auth"));
            });
            assertThat(reconciler.reconcile(key).newArtifact()).isTrue();
            Artifact good = get(key).getStatus().getArtifact();

            GitRepositoryFixtures.createSecret(cluster.client(), NS, name + "-auth", Map.of("username", "robot", "password", "wrong"));
            Outcome failed = reconciler.reconcile(key);

            assertThat(failed).isEqualTo(new Outcome(Duration.ofSeconds(1), false));
            HelmRepository after = get(key);
            String message = "failed to fetch Helm repository index: failed to fetch " + locked.url() + "/index.yaml : 401 Unauthorized;"
                    + " check the username and password in the Secret of spec.secretRef";
            assertThat(condition(after, ConditionTypes.READY)).isEqualTo("False/Failed/" + message);
            assertThat(condition(after, ConditionTypes.FETCH_FAILED)).isEqualTo("True/Failed/" + message);
            assertThat(after.getStatus().getArtifact().getRevision()).as("the last good artifact stays").isEqualTo(good.getRevision());
            assertThat(storage.find(good.getPath())).as("and is still served").isPresent();
            assertThat(errors()).extracting(ObjectEvent::reason, ObjectEvent::message).containsExactly(org.assertj.core.groups.Tuple.tuple("Failed", message));

            assertThat(reconciler.reconcile(key).next()).as("backoff doubles").isEqualTo(Duration.ofSeconds(2));
            assertThat(errors()).as("the same failure is not news").hasSize(1);
        }
    }

    @Test
    void certSecretRefBringsThePrivateCaAndClientCertificatesAreRefusedWithAMessage(@TempDir Path keys) throws Exception {
        try (HttpsChartServer https = HttpsChartServer.start(keys, "/index.yaml", INDEX_V1)) {
            String name = unique("tls");
            GitRepositoryFixtures.createSecret(cluster.client(), NS, name + "-ca", Map.of("ca.crt", https.caPem()));
            ObjectKey trusted = create(name, spec -> {
                spec.setUrl(https.url());
                spec.setCertSecretRef(ref(name + "-ca"));
            });
            assertThat(reconciler.reconcile(trusted).newArtifact()).isTrue();
            assertThat(get(trusted).getStatus().getArtifact().getRevision()).isEqualTo("sha256:" + sha256(INDEX_V1));

            ObjectKey untrusted = create(unique("notls"), spec -> spec.setUrl(https.url()));
            reconciler.reconcile(untrusted);
            assertThat(condition(get(untrusted), ConditionTypes.FETCH_FAILED)).startsWith("True/Failed/failed to fetch Helm repository index:")
                    .contains("TLS failed");

            GitRepositoryFixtures.createSecret(cluster.client(), NS, name + "-mtls", Map.of("ca.crt", https.caPem(), "tls.crt", "x", "tls.key", "y"));
            ObjectKey mtls = create(unique("mtls"), spec -> {
                spec.setUrl(https.url());
                spec.setCertSecretRef(ref(name + "-mtls"));
            });
            reconciler.reconcile(mtls);
            assertThat(condition(get(mtls), ConditionTypes.FETCH_FAILED)).isEqualTo("True/AuthenticationFailed/secret 'default/" + name
                    + "-mtls' of spec.certSecretRef holds a client certificate ('tls.crt'/'tls.key'), which Sluice does not support yet for"
                    + " Helm repositories; use Basic auth (spec.secretRef) or leave the client certificate out");
        }
    }

    @Test
    void unreachableMissingSecretAndNotAnIndexEachHaveFluxsReason() {
        String name = unique("broken");
        server.put("/" + name + "/index.yaml", "<html><body>This is a web page, not a chart repository</body></html>\n");
        ObjectKey notAnIndex = create(name, spec -> spec.setUrl(server.url() + "/" + name));
        reconciler.reconcile(notAnIndex);
        assertThat(condition(get(notAnIndex), ConditionTypes.FETCH_FAILED))
                .startsWith("True/IndexationFailed/failed to load Helm repository from index YAML: the index");
        assertThat(get(notAnIndex).getStatus().getArtifact()).isNull();

        ObjectKey noSecret = create(unique("nosecret"), spec -> {
            spec.setUrl(server.url());
            spec.setSecretRef(ref("does-not-exist"));
        });
        reconciler.reconcile(noSecret);
        assertThat(condition(get(noSecret), ConditionTypes.READY)).isEqualTo("False/AuthenticationFailed/failed to get secret 'default/does-not-exist':"
                + " secrets \"does-not-exist\" not found; create it or fix spec.secretRef");

        String halfName = unique("half");
        GitRepositoryFixtures.createSecret(cluster.client(), NS, halfName, Map.of("username", "robot"));
        ObjectKey halfSecret = create(halfName, spec -> {
            spec.setUrl(server.url());
            spec.setSecretRef(ref(halfName));
        });
        reconciler.reconcile(halfSecret);
        assertThat(condition(get(halfSecret), ConditionTypes.FETCH_FAILED)).isEqualTo("True/AuthenticationFailed/secret 'default/" + halfName
                + "' of spec.secretRef must hold both 'username' and 'password' for Basic auth (it has no 'password')");

        String closed = "http://127.0.0.1:" + io.sluice.sandbox.LoopbackPorts.free();
        ObjectKey unreachable = create(unique("down"), spec -> spec.setUrl(closed));
        reconciler.reconcile(unreachable);
        assertThat(condition(get(unreachable), ConditionTypes.READY)).isEqualTo("False/Failed/failed to fetch Helm repository index: failed to fetch "
                + closed + "/index.yaml : nothing accepts connections there; check spec.url and that the repository is up");
    }

    @Test
    void badUrlsStallAndOciRepositoriesKeepNoStatus() {
        ObjectKey oci = create(unique("ociurl"), spec -> spec.setUrl("oci://ghcr.io/org/charts"));
        assertThat(reconciler.reconcile(oci)).isEqualTo(Outcome.idle());
        assertThat(condition(get(oci), ConditionTypes.STALLED)).isEqualTo("True/URLInvalid/invalid Helm repository URL:"
                + " 'oci' URL scheme cannot be used with 'default' HelmRepository type; set spec.type: oci");
        assertThat(errors()).extracting(ObjectEvent::reason).containsExactly("URLInvalid");

        ObjectKey ftp = create(unique("ftp"), spec -> spec.setUrl("ftp://charts.example.com"));
        reconciler.reconcile(ftp);
        assertThat(condition(get(ftp), ConditionTypes.READY)).startsWith("False/URLInvalid/invalid Helm repository URL: 'ftp://charts.example.com'");

        ObjectKey badInterval = create(unique("interval"), spec -> {
            spec.setUrl(server.url());
            spec.setInterval("soon");
        });
        reconciler.reconcile(badInterval);
        assertThat(condition(get(badInterval), ConditionTypes.STALLED)).startsWith("True/InvalidSpec/");

        ObjectKey registry = create(unique("registry"), spec -> {
            spec.setType("oci");
            spec.setUrl("oci://ghcr.io/org/charts");
        });
        assertThat(reconciler.reconcile(registry)).isEqualTo(Outcome.idle());
        HelmRepository stored = get(registry);
        assertThat(stored.getStatus() == null || stored.getStatus().getConditions() == null || stored.getStatus().getConditions().isEmpty())
                .as("Flux keeps an OCI HelmRepository as a static object").isTrue();
    }

    @Test
    void suspendedAndDeletedRepositoriesAreLeftAlone() {
        ObjectKey suspended = create(unique("suspended"), spec -> {
            spec.setUrl(server.url());
            spec.setSuspend(true);
        });
        assertThat(reconciler.reconcile(suspended)).isEqualTo(Outcome.idle());
        assertThat(get(suspended).getStatus()).isNull();
        assertThat(reconciler.reconcile(ObjectKey.of(HelmRepository.KIND, NS, "never-created"))).isEqualTo(Outcome.idle());
        assertThat(published).isEmpty();
    }

    private List<ObjectEvent> errors() {
        return published.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .filter(e -> e.severity() == Severity.ERROR).toList();
    }

    private static ObjectKey create(String name, Consumer<HelmRepositorySpec> customize) {
        HelmRepositorySpec spec = new HelmRepositorySpec();
        spec.setInterval("5m");
        customize.accept(spec);
        HelmRepository repo = new HelmRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        repo.setSpec(spec);
        cluster.client().resources(HelmRepository.class).inNamespace(NS).resource(repo).create();
        return ObjectKey.of(HelmRepository.KIND, NS, name);
    }

    private static HelmRepository get(ObjectKey key) {
        return cluster.client().resources(HelmRepository.class).inNamespace(NS).withName(key.name()).get();
    }

    private static LocalObjectReference ref(String name) {
        LocalObjectReference ref = new LocalObjectReference();
        ref.setName(name);
        return ref;
    }

    private static String condition(HelmRepository repo, String type) {
        return Conditions.get(repo.getStatus(), type).map(c -> c.getStatus() + "/" + c.getReason() + "/" + c.getMessage()).orElse("absent");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String text) throws Exception {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
