package io.sluice.apply.reconcile;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.ResourceRef;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.apply.realserver.RecordedAnswers;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler on its own, against a sandbox cluster, with the events it publishes collected in a list: the
 * cases the Kafka test does not cover (missing and suspended Kustomizations, re-delivery, claim checks, a
 * Kustomization that is not Ready because its objects are not healthy).
 */
class KustomizationApplyHandlerTest {

    private static final String REVISION = "main@sha1:" + "a".repeat(40);
    private static final String CONFIGMAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: handler-cm
              namespace: default
            data:
              k: v
            """;

    private static SandboxCluster cluster;
    private static HttpServer server;
    private static volatile byte[] served = new byte[0];

    private final List<SluiceEvent> published = new CopyOnWriteArrayList<>();
    private KustomizationApplyHandler handler;

    @BeforeAll
    static void start() throws IOException {
        cluster = SandboxCluster.start();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/manifests/", exchange -> {
            byte[] body = served;
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
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
    void newHandler() {
        handler = ReconcileFixtures.handler(cluster.client(), published::add);
    }

    private static ObjectKey create(String name, boolean suspend) {
        return ReconcileFixtures.createKustomization(cluster.client(), name, "repo", "1m", spec -> spec.setSuspend(suspend));
    }

    private static ManifestsRendered inline(ObjectKey app, String yaml) {
        return ReconcileFixtures.inline(app, REVISION, yaml);
    }

    private static ManifestsRendered claimCheck(ObjectKey app, String yaml, Digest claimed) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/manifests/sha256/x.yaml.gz");
        return new ManifestsRendered(app, REVISION, Digest.sha256(yaml.getBytes(StandardCharsets.UTF_8)),
                new RenderedManifests.ClaimCheck(url, claimed, 1));
    }

    private static Kustomization get(ObjectKey key) {
        return cluster.client().resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    private <T extends SluiceEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void missingKustomizationIsIgnored() {
        handler.onManifests(inline(ObjectKey.of("Kustomization", "flux-system", "nobody"), CONFIGMAP));

        assertThat(published).isEmpty();
        assertThat(cluster.client().configMaps().inNamespace("default").withName("handler-cm").get()).isNull();
    }

    @Test
    void suspendedKustomizationIsNotApplied() {
        ObjectKey key = create("suspended", true);

        handler.onManifests(inline(key, CONFIGMAP));

        assertThat(published).isEmpty();
        assertThat(cluster.client().configMaps().inNamespace("default").withName("handler-cm").get()).isNull();
        assertThat(get(key).getStatus()).isNull();
    }

    @Test
    void redeliveryOfTheSameRenderingIsSkippedButANewRenderingOfTheSameRevisionIsApplied() {
        ObjectKey key = create("redelivered", false);
        String yaml = CONFIGMAP.replace("handler-cm", "redelivered-cm");

        handler.onManifests(inline(key, yaml));
        handler.onManifests(inline(key, yaml));
        assertThat(published(ApplyCompleted.class)).hasSize(1);

        handler.onManifests(inline(key, yaml.replace("k: v", "k: w")));
        assertThat(published(ApplyCompleted.class)).hasSize(2);
        assertThat(cluster.client().configMaps().inNamespace("default").withName("redelivered-cm").get().getData())
                .containsEntry("k", "w");
    }

    @Test
    void claimCheckIsDownloadedVerifiedAndApplied() {
        ObjectKey key = create("claimed", false);
        String yaml = CONFIGMAP.replace("handler-cm", "claimed-cm");
        byte[] gzip = RenderedManifests.Inline.of(yaml).gzip();
        served = gzip;

        handler.onManifests(claimCheck(key, yaml, Digest.sha256(gzip)));

        assertThat(cluster.client().configMaps().inNamespace("default").withName("claimed-cm").get()).isNotNull();
        assertThat(get(key).getStatus().getLastAppliedRevision()).isEqualTo(REVISION);
        assertThat(Conditions.isTrue(get(key).getStatus(), "Ready")).isTrue();
    }

    @Test
    void claimCheckWithAnotherDigestIsRefusedAndNothingIsApplied() {
        ObjectKey key = create("tampered", false);
        String yaml = CONFIGMAP.replace("handler-cm", "tampered-cm");
        served = RenderedManifests.Inline.of(yaml).gzip();

        handler.onManifests(claimCheck(key, yaml, Digest.sha256("something else".getBytes(StandardCharsets.UTF_8))));

        assertThat(cluster.client().configMaps().inNamespace("default").withName("tampered-cm").get()).isNull();
        ObjectEvent error = published(ObjectEvent.class).get(0);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.message()).contains("do not match digest");
        assertThat(Conditions.isFalse(get(key).getStatus(), "Ready")).isTrue();
        assertThat(get(key).getStatus().getLastAppliedRevision()).isNull();
        assertThat(get(key).getStatus().getLastAttemptedRevision()).isEqualTo(REVISION);
    }

    @Test
    void missingClaimCheckIsAnErrorNamingTheUrl() {
        ObjectKey key = create("gone", false);
        served = new byte[0];

        handler.onManifests(claimCheck(key, CONFIGMAP, Digest.sha256(new byte[]{1})));

        ObjectEvent error = published(ObjectEvent.class).get(0);
        assertThat(error.message()).contains("HTTP 404").contains("/manifests/sha256/x.yaml.gz");
    }

    @Test
    void manifestThatIsNoObjectIsABuildFailureNamingTheDocument() {
        ObjectKey key = create("not-an-object", false);

        handler.onManifests(inline(key, CONFIGMAP.replace("handler-cm", "first-cm") + "---\n- just\n- a list\n"));

        ObjectEvent error = published(ObjectEvent.class).get(0);
        assertThat(error.reason()).isEqualTo("BuildFailed");
        assertThat(error.message()).contains("YAML document 2 is not a mapping");
        assertThat(Conditions.get(get(key).getStatus(), "Ready").orElseThrow().getReason()).isEqualTo("BuildFailed");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("first-cm").get()).isNull();
        assertThat(published(ApplyCompleted.class)).isEmpty();
    }

    @Test
    void anObjectRenderedTwiceIsABuildFailureNamingItAndNothingIsApplied() {
        ObjectKey key = create("rendered-twice", false);
        String configMap = CONFIGMAP.replace("handler-cm", "twice-cm");
        String other = CONFIGMAP.replace("handler-cm", "twice-other-cm");

        handler.onManifests(inline(key, other + "---\n" + configMap + "---\n" + configMap.replace("k: v", "k: w")));

        ObjectEvent error = published(ObjectEvent.class).get(0);
        assertThat(error.reason()).isEqualTo("BuildFailed");
        assertThat(error.message()).contains("ConfigMap/default/twice-cm (v1) appears twice in the manifests");
        assertThat(Conditions.get(get(key).getStatus(), "Ready").orElseThrow().getReason()).isEqualTo("BuildFailed");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("twice-other-cm").get()).isNull();
        assertThat(published(ApplyCompleted.class)).isEmpty();
    }

    @Test
    void unhealthyObjectsMakeReadyFalseWithHealthCheckFailed() {
        ObjectKey key = create("unhealthy", false);
        Kustomization ks = get(key);
        ks.getSpec().setWait(true);
        ks.getSpec().setTimeout("1s");
        cluster.client().resources(Kustomization.class).inNamespace("flux-system").resource(ks).update();
        // the sandbox runs no controllers, so a Deployment never becomes available
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: never-ready
                  namespace: default
                spec:
                  selector:
                    matchLabels: {app: x}
                  template:
                    metadata:
                      labels: {app: x}
                    spec:
                      containers:
                      - name: x
                        image: x
                """;

        handler.onManifests(inline(key, yaml));

        assertThat(published(ApplyCompleted.class)).singleElement()
                .satisfies(done -> assertThat(done.health().status().json()).isEqualTo("unhealthy"));
        ObjectEvent error = published(ObjectEvent.class).get(0);
        assertThat(error.reason()).isEqualTo("HealthCheckFailed");
        assertThat(error.message()).startsWith("Health check failed after ").contains("Deployment default/never-ready");
        Kustomization after = get(key);
        assertThat(Conditions.get(after.getStatus(), "Ready").orElseThrow().getReason()).isEqualTo("HealthCheckFailed");
        assertThat(after.getStatus().getLastAppliedRevision()).isNull();
        assertThat(after.getStatus().getInventory().getEntries()).hasSize(1);
    }

    @Test
    void aDeleteTheServerRefusesIsPruneFailedAndTheObjectStaysInTheInventoryUntilItIsGone() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(cluster.masterUrl());
             KubernetesClient proxied = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder(cluster.config()).withMasterUrl(proxy.url()).build()).build()) {
            KustomizationApplyHandler handler = ReconcileFixtures.handler(proxied, published::add);
            ObjectKey key = ReconcileFixtures.createKustomization(cluster.client(), "prune-refused", "repo", "1m", spec -> spec.setPrune(true));
            String kept = CONFIGMAP.replace("handler-cm", "prune-kept");
            String refused = CONFIGMAP.replace("handler-cm", "prune-refused");
            handler.onManifests(ReconcileFixtures.inline(key, REVISION, kept + "---\n" + refused));
            // RBAC's answer to a service account without the delete verb (29-rbac-impersonation, step 12, for a DELETE)
            proxy.refuse(seen -> seen.method().equals("DELETE"), 403, RecordedAnswers.forbiddenDelete("configmaps", "prune-refused").body().toString());
            String next = "main@sha1:" + "c".repeat(40);

            KustomizationApplyHandler.Outcome outcome = handler.onManifests(ReconcileFixtures.inline(key, next, kept));

            assertThat(outcome.next()).as("retried after the retry interval").isEqualTo(Duration.ofMinutes(1));
            Condition ready = Conditions.get(get(key).getStatus(), "Ready").orElseThrow();
            assertThat(ready.getReason()).isEqualTo("PruneFailed");
            assertThat(ready.getMessage()).startsWith("prune failed (1 object): ConfigMap/default/prune-refused: ")
                    .contains("cannot delete resource \"configmaps\"").endsWith("(HTTP 403)");
            assertThat(get(key).getStatus().getInventory().getEntries()).extracting(ResourceRef::getId)
                    .containsExactly("default_prune-kept__ConfigMap", "default_prune-refused__ConfigMap");
            assertThat(get(key).getStatus().getLastAttemptedRevision()).isEqualTo(next);
            assertThat(published(ObjectEvent.class)).last().satisfies(e -> assertThat(e.reason()).isEqualTo("PruneFailed"));

            proxy.stopRefusing();
            handler.reconcile(key);

            assertThat(cluster.client().configMaps().inNamespace("default").withName("prune-refused").get()).isNull();
            assertThat(Conditions.get(get(key).getStatus(), "Ready").orElseThrow().getReason()).isEqualTo("ReconciliationSucceeded");
            assertThat(get(key).getStatus().getInventory().getEntries()).extracting(ResourceRef::getId)
                    .containsExactly("default_prune-kept__ConfigMap");
        }
    }
}
