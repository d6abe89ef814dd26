package io.sluice.render;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.Severity;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.api.kustomize.SubstituteReference;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.render.testing.ArtifactServer;
import io.sluice.sandbox.testing.TopicTail;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.render.testing.FluxObjects.createGitRepository;
import static io.sluice.render.testing.FluxObjects.createKustomization;
import static io.sluice.render.testing.FluxObjects.editKustomization;
import static io.sluice.render.testing.FluxObjects.getKustomization;
import static io.sluice.render.testing.FluxObjects.kustomizationKey;
import static io.sluice.render.testing.FluxObjects.readyReasonAndMessage;
import static io.sluice.render.testing.FluxObjects.setArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What makes a Kustomization render besides a new artifact, through the running service: the sandbox cluster's
 * Kustomizations and GitRepositories, ManifestsRendered and events read back from the embedded Kafka broker.
 * Created, edited, on its interval, on a reconcile request (topic or annotation), waiting for a missing source,
 * suspended; and a push's receipt time carried from ArtifactReady to ManifestsRendered.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class RenderTriggersTest {

    private static final String NS = "flux-system";
    private static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              env: ${env}
            """;
    /** A short pause in which a render that should not happen would have happened (renders here take ~0.1 s). */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private static ArtifactServer artifacts;
    private TopicTail manifests;
    private TopicTail events;

    @BeforeAll
    static void serveArtifacts() {
        artifacts = new ArtifactServer();
    }

    @AfterAll
    static void stopServing() {
        if (artifacts != null) {
            artifacts.close();
        }
    }

    @BeforeEach
    void tail() {
        manifests = TopicTail.fromEnd("sluice.render.manifests");
        events = TopicTail.fromEnd("sluice.events");
    }

    @AfterEach
    void closeTails() {
        manifests.close();
        events.close();
    }

    private static KubernetesClient client() {
        return SandboxClusterResource.cluster().client();
    }

    /** A GitRepository whose status.artifact holds deploy/configmap.yaml, as source-service leaves it. */
    private static ArtifactReady repositoryWithArtifact(String name, String sha) {
        ArtifactReady artifact = artifacts.artifact(ObjectKey.of("GitRepository", NS, name), "main@sha1:" + sha.repeat(40),
                Map.of("deploy/configmap.yaml", MANIFEST));
        createGitRepository(client(), NS, name, artifact);
        return artifact;
    }

    private static PostBuild substitute(String env) {
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(Map.of("env", env));
        return postBuild;
    }

    private static PostBuild substituteFrom(String configMap) {
        SubstituteReference ref = new SubstituteReference();
        ref.setKind("ConfigMap");
        ref.setName(configMap);
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstituteFrom(List.of(ref));
        return postBuild;
    }

    private static void writeConfigMap(String name, String env) {
        client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName(name).endMetadata().addToData("env", env).build())
                .createOr(NonDeletingOperation::update);
    }

    private static String yaml(ManifestsRendered rendered) {
        return ((RenderedManifests.Inline) rendered.manifests()).yaml();
    }

    @Test
    void aNewKustomizationIsRenderedFromItsSourcesArtifactAndEachSpecEditRendersAgain() {
        ArtifactReady artifact = repositoryWithArtifact("created-repo", "1");
        String key = kustomizationKey(NS, "created").subject();

        createKustomization(client(), NS, "created", "created-repo", "./deploy", spec -> spec.setPostBuild(substitute("one")));
        ManifestsRendered first = manifests.next(key, ManifestsRendered.class);
        assertThat(first.sourceRevision()).as("no ArtifactReady was sent: the status artifact").isEqualTo(artifact.revision());
        assertThat(yaml(first)).contains("env: one").doesNotContain("namespace:");
        assertThat(first.pushReceivedAt()).isNull();

        editKustomization(client(), NS, "created", ks -> ks.getSpec().setTargetNamespace("edited"));
        assertThat(yaml(manifests.next(key, ManifestsRendered.class))).contains("namespace: edited").contains("env: one");

        editKustomization(client(), NS, "created", ks -> ks.getSpec().setPostBuild(substitute("two")));
        assertThat(yaml(manifests.next(key, ManifestsRendered.class))).contains("namespace: edited").contains("env: two");

        // A status write (apply-service's, say) is no change to the Kustomization: no render. The next rendering
        // published must therefore be the one of the following edit.
        Kustomization current = getKustomization(client(), NS, "created");
        KustomizationStatus status = current.getStatus() == null ? new KustomizationStatus() : current.getStatus();
        Conditions.markTrue(status, current.getMetadata().getGeneration(), "Ready", "ReconciliationSucceeded", "Applied revision: "
                + artifact.revision(), Instant.now());
        current.setStatus(status);
        client().resources(Kustomization.class).inNamespace(NS).resource(current).updateStatus();
        manifests.assertNoneFor(key, QUIET);
    }

    @Test
    void theIntervalPicksUpAChangedSubstituteFromConfigMapAndPublishesNothingWhenNothingChanged() {
        repositoryWithArtifact("interval-repo", "2");
        writeConfigMap("interval-vars", "before");
        String key = kustomizationKey(NS, "interval").subject();
        createKustomization(client(), NS, "interval", "interval-repo", "./deploy", spec -> {
            spec.setInterval("500ms");
            spec.setPostBuild(substituteFrom("interval-vars"));
        });
        try {
            assertThat(yaml(manifests.next(key, ManifestsRendered.class))).contains("env: before");
            manifests.assertNoneFor(key, QUIET);   // several interval renders, the same inputs: nothing new

            writeConfigMap("interval-vars", "after");   // a ConfigMap change alone triggers nothing but the interval
            assertThat(yaml(manifests.next(key, ManifestsRendered.class))).contains("env: after");
        } finally {
            client().resources(Kustomization.class).inNamespace(NS).withName("interval").delete();
        }
    }

    @Test
    void aReconcileRequestRendersAgainAndPublishesOnlyWhatChanged() {
        repositoryWithArtifact("request-repo", "3");
        writeConfigMap("request-vars", "first");
        ObjectKey ks = kustomizationKey(NS, "on-request");
        createKustomization(client(), NS, "on-request", "request-repo", "./deploy", spec -> spec.setPostBuild(substituteFrom("request-vars")));
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class))).contains("env: first");

        TestKafka.publish(new ReconcileRequested(ks, Instant.now(), "render-test"));
        manifests.assertNoneFor(ks.subject(), QUIET);   // rendered again (see below), unchanged, not published

        writeConfigMap("request-vars", "second");
        TestKafka.publish(new ReconcileRequested(ks, Instant.now(), "render-test"));
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class)))
                .as("had the first request published, this would be the unchanged rendering").contains("env: second");

        // flux reconcile ks: the annotation
        writeConfigMap("request-vars", "third");
        annotate("on-request", Instant.now().toString());
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class))).contains("env: third");
    }

    @Test
    void oneRequestCarriedByKafkaAndTheAnnotationRendersOnce() {
        repositoryWithArtifact("twice-repo", "6");
        writeConfigMap("twice-vars", "first");
        ObjectKey ks = kustomizationKey(NS, "twice");
        createKustomization(client(), NS, "twice", "twice-repo", "./deploy", spec -> spec.setPostBuild(substituteFrom("twice-vars")));
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class))).contains("env: first");

        // what 'sluice reconcile ks' sends: the request on Kafka, then the annotation with the same time
        writeConfigMap("twice-vars", "second");
        Instant requestedAt = Instant.now();
        TestKafka.publish(new ReconcileRequested(ks, requestedAt, "render-test"));
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class))).contains("env: second");
        writeConfigMap("twice-vars", "third");
        annotate("twice", requestedAt.toString());
        manifests.assertNoneFor(ks.subject(), QUIET);   // a second render would publish env: third

        annotate("twice", Instant.now().toString());
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class))).as("a new request renders").contains("env: third");
    }

    private static void annotate(String name, String requestedAt) {
        editKustomization(client(), NS, name, k -> {
            Map<String, String> annotations = k.getMetadata().getAnnotations() == null ? new HashMap<>() : new HashMap<>(k.getMetadata().getAnnotations());
            annotations.put(ReconcileAnnotation.REQUESTED_AT, requestedAt);
            k.getMetadata().setAnnotations(annotations);
        });
    }

    @Test
    void aMissingSourceIsArtifactFailedUntilItAndItsArtifactAppear() {
        String name = "orphan";
        String key = kustomizationKey(NS, name).subject();
        createKustomization(client(), NS, name, "orphan-repo", "./deploy", spec -> {
            spec.setRetryInterval("1s");
            spec.setPostBuild(substitute("found"));
        });

        ObjectEvent missing = events.next(key, ObjectEvent.class);
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.reason()).isEqualTo("ArtifactFailed");
        assertThat(missing.message()).isEqualTo("Source 'GitRepository/flux-system/orphan-repo' not found, retrying in 1s");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(readyReasonAndMessage(client(), NS, name))
                .isEqualTo("False ArtifactFailed: Source 'GitRepository/flux-system/orphan-repo' not found, retrying in 1s"));
        events.assertNoneFor(key, Duration.ofMillis(2500));   // retried every second, the same failure: one event

        createGitRepository(client(), NS, "orphan-repo", null);
        assertThat(events.next(key, ObjectEvent.class).message()).isEqualTo("Source artifact not found, retrying in 1s");

        ArtifactReady artifact = artifacts.artifact(ObjectKey.of("GitRepository", NS, "orphan-repo"), "main@sha1:" + "4".repeat(40),
                Map.of("deploy/configmap.yaml", MANIFEST));
        setArtifact(client(), NS, "orphan-repo", artifact);
        ManifestsRendered rendered = manifests.next(key, ManifestsRendered.class);
        assertThat(rendered.sourceRevision()).isEqualTo(artifact.revision());
        assertThat(yaml(rendered)).contains("env: found");
    }

    @Test
    void thePushBehindAnArtifactIsCarriedToTheRenderingAndTheRenderStageIsTimed() {
        repositoryWithArtifact("pushed-repo", "5");
        String key = kustomizationKey(NS, "pushed").subject();
        createKustomization(client(), NS, "pushed", "pushed-repo", "./deploy", spec -> spec.setPostBuild(substitute("old")));
        assertThat(manifests.next(key, ManifestsRendered.class).pushReceivedAt()).isNull();

        Instant pushed = Instant.parse("2026-11-28T02:30:00.123Z");
        ArtifactReady afterPush = artifacts.artifact(ObjectKey.of("GitRepository", NS, "pushed-repo"), "main@sha1:" + "6".repeat(40),
                Map.of("deploy/configmap.yaml", MANIFEST.replace("settings", "settings-v2")), pushed);
        TestKafka.publish(afterPush);

        ManifestsRendered rendered = manifests.next(key, ManifestsRendered.class);
        assertThat(rendered.sourceRevision()).isEqualTo(afterPush.revision());
        assertThat(yaml(rendered)).contains("name: settings-v2");
        assertThat(rendered.pushReceivedAt()).isEqualTo(pushed);

        assertThat(PrometheusText.sample(PrometheusText.scrape(), "sluice_stage_duration_seconds_count", "stage", "render"))
                .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(2.0));
    }

    @Test
    void aSuspendedKustomizationIsNotRenderedUntilItIsResumed() {
        ArtifactReady artifact = repositoryWithArtifact("paused-repo", "7");
        ObjectKey ks = kustomizationKey(NS, "paused");
        createKustomization(client(), NS, "paused", "paused-repo", "./deploy", spec -> {
            spec.setSuspend(true);
            spec.setInterval("500ms");
            spec.setPostBuild(substitute("while-suspended"));
        });
        TestKafka.publish(artifact);
        TestKafka.publish(new ReconcileRequested(ks, Instant.now(), "render-test"));
        manifests.assertNoneFor(ks.subject(), QUIET);

        editKustomization(client(), NS, "paused", k -> {
            k.getSpec().setSuspend(false);
            k.getSpec().setInterval("10m");
            k.getSpec().setPostBuild(substitute("resumed"));
        });
        assertThat(yaml(manifests.next(ks.subject(), ManifestsRendered.class))).contains("env: resumed");
    }
}
