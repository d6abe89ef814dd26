package io.sluice.cli.suspend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.cli.CliRun;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.get.FluxFixtures;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice suspend} and {@code resume} against a sandbox API, with a stand-in for the owning service. */
class SuspendCommandTest {

    private static final String REQUESTS = TopicsConfig.defaults().name(Topic.RECONCILE_REQUESTS);
    private static final CloudEventCodec CODEC = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("test"));

    private static SandboxCluster cluster;
    private static KubernetesClient client;
    private static String kubeconfig;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig")).toString();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void objects() {
        for (FluxKind kind : List.of(FluxKind.KUSTOMIZATION, FluxKind.ALERT)) {
            client.genericKubernetesResources(kind.context()).inNamespace("flux-system").delete();
        }
        client.genericKubernetesResources(FluxKind.KUSTOMIZATION.context()).inNamespace("flux-system")
                .resource(FluxFixtures.kustomization("flux-system", "podinfo", "podinfo")).create();
        client.genericKubernetesResources(FluxKind.KUSTOMIZATION.context()).inNamespace("flux-system")
                .resource(FluxFixtures.kustomization("flux-system", "web", "podinfo")).create();
        client.genericKubernetesResources(FluxKind.ALERT.context()).inNamespace("flux-system").resource(Serialization.unmarshal("""
                apiVersion: notification.toolkit.fluxcd.io/v1beta3
                kind: Alert
                metadata: {name: on-call, namespace: flux-system}
                spec:
                  providerRef: {name: slack}
                  eventSources: [{kind: Kustomization, name: '*'}]
                """, GenericKubernetesResource.class)).create();
    }

    private static CliRun sluice(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", kubeconfig, "--work-dir", dir.resolve("no-up").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Object suspendOf(FluxKind kind, String name) {
        return client.genericKubernetesResources(kind.context()).inNamespace("flux-system").withName(name).get().get("spec", "suspend");
    }

    @Test
    void suspendSetsSpecSuspendAsFluxSaysIt() {
        CliRun run = sluice("suspend", "ks", "podinfo");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("► suspending Kustomization podinfo in flux-system namespace\n✔ Kustomization suspended\n");
        assertThat(suspendOf(FluxKind.KUSTOMIZATION, "podinfo")).isEqualTo(true);
        assertThat(suspendOf(FluxKind.KUSTOMIZATION, "web")).as("only the named one").isNull();
        assertThat(sluice("get", "ks").out()).containsPattern("podinfo\\s+True");
    }

    @Test
    void allSuspendsEveryObjectOfTheKindInTheNamespaceAndAKindWithoutStatusToo() {
        assertThat(sluice("suspend", "kustomization", "--all").code()).isZero();
        assertThat(sluice("suspend", "alert", "on-call").code()).isZero();

        assertThat(suspendOf(FluxKind.KUSTOMIZATION, "podinfo")).isEqualTo(true);
        assertThat(suspendOf(FluxKind.KUSTOMIZATION, "web")).isEqualTo(true);
        assertThat(suspendOf(FluxKind.ALERT, "on-call")).isEqualTo(true);

        CliRun resume = sluice("resume", "alert", "on-call");
        assertThat(resume.code()).as("an Alert has no status: nothing to wait for " + resume).isZero();
        assertThat(suspendOf(FluxKind.ALERT, "on-call")).isEqualTo(false);
    }

    @Test
    void resumeWaitsUntilTheOwnerReconciledTheNewGeneration() throws Exception {
        sluice("suspend", "ks", "podinfo");
        Thread owner = StandInOwner.answerOnce(client, "podinfo", "True", "ReconciliationSucceeded", "Applied revision: main@sha1:" + FluxFixtures.SHA);

        CliRun run = sluice("resume", "ks", "podinfo", "--timeout", "20");
        owner.join();

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("► resuming Kustomization podinfo in flux-system namespace", "✔ Kustomization resumed",
                "◎ waiting for Kustomization reconciliation", "✔ Kustomization reconciliation completed",
                "✔ revision main@sha1:" + FluxFixtures.SHA);
        assertThat(suspendOf(FluxKind.KUSTOMIZATION, "podinfo")).isEqualTo(false);
    }

    @Test
    void resumeEndsWithTheReasonWhenTheReconcileFails() throws Exception {
        sluice("suspend", "ks", "podinfo");
        Thread owner = StandInOwner.answerOnce(client, "podinfo", "False", "BuildFailed", "kustomize build failed: bad.yaml");

        CliRun run = sluice("resume", "ks", "podinfo", "--timeout", "20");
        owner.join();

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("✗ Kustomization flux-system/podinfo is not Ready (BuildFailed): kustomize build failed: bad.yaml");
    }

    @Test
    void resumeWithoutAnOwnerTimesOutSayingWhatItSaw() {
        sluice("suspend", "ks", "podinfo");

        CliRun run = sluice("resume", "ks", "podinfo", "--timeout", "1");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("timed out after 1 s waiting for Kustomization flux-system/podinfo to be reconciled at generation",
                "status.observedGeneration is -1", "sluice check", "--wait=false");
        assertThat(sluice("resume", "ks", "web", "--wait=false").code()).as("no wait asked").isZero();
    }

    @Test
    void resumeAsksForAReconcileThroughTheAnnotationAndKafkaAsReconcileDoes() throws Exception {
        sluice("suspend", "ks", "podinfo");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin topics = Admin.create(admin)) {
                topics.createTopics(List.of(new NewTopic(REQUESTS, 1, (short) 1))).all().get();
            }

            CliRun run = sluice("resume", "ks", "podinfo", "--kafka", kafka.bootstrapServers(), "--wait=false");

            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).contains("✔ Kustomization resumed", "✔ reconcile request published to " + REQUESTS)
                    .doesNotContain("waiting");
            Object requestedAt = client.genericKubernetesResources(FluxKind.KUSTOMIZATION.context()).inNamespace("flux-system")
                    .withName("podinfo").get().getMetadata().getAnnotations().get(ReconcileAnnotation.REQUESTED_AT);
            assertThat(requestedAt).as("Flux's annotation, set with spec.suspend false").isNotNull();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(List.of(new TopicPartition(REQUESTS, 0)));
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
                assertThat(records).hasSize(1);
                ReconcileRequested request = CODEC.decode(records.get(0), ReconcileRequested.class).data();
                assertThat(request.object()).isEqualTo(ObjectKey.of("Kustomization", "flux-system", "podinfo"));
                assertThat(request.requestedAt()).isEqualTo(Instant.parse(requestedAt.toString()));
            }
        }
        CliRun noBroker = sluice("resume", "ks", "web", "--kafka", "127.0.0.1:" + LoopbackPorts.free(), "--wait=false");
        assertThat(noBroker.code()).isEqualTo(1);
        assertThat(noBroker.err()).contains("Cannot reach Kafka at 127.0.0.1:");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        CliRun missing = sluice("suspend", "ks", "nope");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Kustomization flux-system/nope not found");

        CliRun noName = sluice("suspend", "ks");
        assertThat(noName.code()).isEqualTo(2);
        assertThat(noName.err()).contains("Name the objects, or pass --all");

        CliRun both = sluice("suspend", "ks", "podinfo", "--all");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("names or --all, not both");

        CliRun policy = CliRun.of("suspend", "image", "policy", "x");
        assertThat(policy.code()).as("ImagePolicy has no spec.suspend, as in Flux").isEqualTo(2);

        CliRun noKind = CliRun.of("suspend");
        assertThat(noKind.code()).isEqualTo(2);
        assertThat(noKind.err()).contains("Missing kind", "kustomization");
        assertThat(suspendOf(FluxKind.KUSTOMIZATION, "podinfo")).isNull();
    }

    /** Writes the status an owning service writes after it reconciled a resumed object. */
    static final class StandInOwner {

        static Thread answerOnce(KubernetesClient client, String name, String ready, String reason, String message) {
            Thread owner = new Thread(() -> {
                var resource = client.genericKubernetesResources(FluxKind.KUSTOMIZATION.context()).inNamespace("flux-system").withName(name);
                long deadline = System.nanoTime() + 15_000_000_000L;
                while (System.nanoTime() < deadline) {
                    GenericKubernetesResource current = resource.get();
                    if (Boolean.FALSE.equals(current.get("spec", "suspend"))) {
                        current.setAdditionalProperty("status", Map.of("observedGeneration", current.getMetadata().getGeneration(),
                                "lastAppliedRevision", "main@sha1:" + FluxFixtures.SHA,
                                "conditions", List.of(FluxFixtures.ready(ready, reason, message, "2026-12-08T10:00:00Z"))));
                        resource.updateStatus(current);
                        return;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "stand-in-owner");
            owner.start();
            return owner;
        }
    }
}
