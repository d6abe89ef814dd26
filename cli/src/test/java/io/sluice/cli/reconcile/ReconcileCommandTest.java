package io.sluice.cli.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.CloudEventHeaders;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.cli.SluiceCli;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.get.FluxFixtures;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sluice reconcile} against the sandbox's Kafka broker and API, with {@link FakeOwner} standing in for the
 * service that owns the object.
 */
class ReconcileCommandTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("test"));

    private static EmbeddedKafka kafka;
    private static SandboxCluster cluster;
    private static Path kubeconfig;

    @TempDir
    static Path dir;

    private FakeOwner owner;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(FakeOwner.TOPIC, 1, (short) 1))).all().get();
        }
        KubernetesClient client = cluster.client();
        FluxFixtures.create(client, FluxKind.GIT_REPOSITORY, FluxFixtures.gitRepository("flux-system", "podinfo"), null);
        FluxFixtures.create(client, FluxKind.GIT_REPOSITORY, FluxFixtures.gitRepository("flux-system", "silent"), null);
        FluxFixtures.create(client, FluxKind.GIT_REPOSITORY, FluxFixtures.gitRepository("flux-system", "failing"), null);
        FluxFixtures.create(client, FluxKind.KUSTOMIZATION, FluxFixtures.kustomization("flux-system", "app", "podinfo"), null);
        String revision = "main@sha1:" + FluxFixtures.SHA;
        FluxFixtures.create(client, FluxKind.GIT_REPOSITORY, FluxFixtures.gitRepository("flux-system", "current"), Map.of(
                "artifact", Map.of("revision", revision),
                "conditions", List.of(FluxFixtures.ready("True", "Succeeded", "stored artifact", "2026-01-01T00:00:00Z"))));
        FluxFixtures.create(client, FluxKind.KUSTOMIZATION, FluxFixtures.kustomization("flux-system", "current-app", "current"), Map.of(
                "lastAppliedRevision", revision, "lastAttemptedRevision", revision,
                "conditions", List.of(FluxFixtures.ready("True", "ReconciliationSucceeded", "Applied revision", "2026-01-01T00:00:00Z"))));
        GenericKubernetesResource paused = FluxFixtures.kustomization("flux-system", "paused", "podinfo");
        ((Map<String, Object>) paused.getAdditionalProperties().get("spec")).put("suspend", true);
        FluxFixtures.create(client, FluxKind.KUSTOMIZATION, paused, null);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        kafka.close();
    }

    @BeforeEach
    void startOwner() {
        owner = new FakeOwner(kafka.bootstrapServers(), cluster.client());
        owner.answer("GitRepository/flux-system/podinfo", request -> Map.of(
                "artifact", Map.of("revision", "main@sha1:" + FluxFixtures.SHA),
                "conditions", List.of(FluxFixtures.ready("True", "Succeeded", "stored artifact", request.requestedAt().toString()))));
        owner.answer("GitRepository/flux-system/failing", request -> Map.of(
                "conditions", List.of(FluxFixtures.ready("False", "GitOperationFailed",
                        "failed to checkout and determine revision: repository not found", request.requestedAt().toString()))));
        owner.answer("Kustomization/flux-system/app", request -> Map.of(
                "lastAppliedRevision", "main@sha1:" + FluxFixtures.SHA,
                "conditions", List.of(FluxFixtures.ready("True", "ReconciliationSucceeded", "Applied revision", request.requestedAt().toString()))));
    }

    @AfterEach
    void stopOwner() throws InterruptedException {
        owner.close();
    }

    private int run(String... args) {
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--kubeconfig", kubeconfig.toString(), "--work-dir", dir.resolve("no-up").toString()}, 0, all,
                args.length, 4);
        return cli.execute(all);
    }

    private ConsumerRecord<String, byte[]> recordFor(String subject) {
        return owner.records.stream().filter(r -> subject.equals(r.key())).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no record with key " + subject + " on " + FakeOwner.TOPIC + "; got " + owner.records));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aSourceIsRequestedThroughKafkaAnnotatedAndItsNewRevisionPrinted() {
        Instant before = Instant.now();

        int code = run("reconcile", "source", "git", "podinfo", "--kafka", kafka.bootstrapServers());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(
                "► asking for a reconcile of GitRepository podinfo in flux-system namespace",
                "✔ request published to sluice.reconcile.requests",
                "✔ GitRepository annotated (reconcile.fluxcd.io/requestedAt)",
                "◎ waiting for GitRepository reconciliation",
                "✔ fetched revision main@sha1:" + FluxFixtures.SHA);
        ConsumerRecord<String, byte[]> record = recordFor("GitRepository/flux-system/podinfo");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.sluice.reconcile.requested.v1");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sluice/sluice-cli");
        CloudEvent<ReconcileRequested> event = CODEC.decode(record, ReconcileRequested.class);
        assertThat(event.data().requestedBy()).isEqualTo("sluice-cli");
        assertThat(event.data().requestedAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());

        GenericKubernetesResource live = cluster.client().genericKubernetesResources(FluxKind.GIT_REPOSITORY.context())
                .inNamespace("flux-system").withName("podinfo").get();
        assertThat(live.getMetadata().getAnnotations()).as("Flux's annotation, same time as the Kafka request")
                .containsEntry("reconcile.fluxcd.io/requestedAt", event.data().requestedAt().toString());
    }

    @Test
    void withSourceReconcilesTheGitRepositoryFirstThenTheKustomization() {
        int code = run("reconcile", "ks", "app", "--with-source", "--kafka", kafka.bootstrapServers());

        assertThat(code).as(err.toString()).isZero();
        assertThat(owner.handledInOrder).containsSubsequence("GitRepository/flux-system/podinfo", "Kustomization/flux-system/app");
        String printed = out.toString();
        assertThat(printed.indexOf("✔ fetched revision")).isPositive().isLessThan(printed.indexOf("► asking for a reconcile of Kustomization app"));
        assertThat(printed).contains("✔ applied revision main@sha1:" + FluxFixtures.SHA);
    }

    @Test
    void aKustomizationAlreadyAtItsSourcesRevisionIsReconciledWithoutAStatusChange() {
        // render-service writes no status when a render gives what it published before; nobody answers here either.
        int code = run("reconcile", "ks", "current-app", "--kafka", kafka.bootstrapServers(), "--timeout", "20");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("✔ applied revision main@sha1:" + FluxFixtures.SHA);
    }

    @Test
    void aReconcileThatEndsNotReadyFailsWithTheConditionMessage() {
        assertThat(run("reconcile", "source", "git", "failing", "--kafka", kafka.bootstrapServers())).isEqualTo(1);

        assertThat(err.toString()).contains("✗ GitRepository flux-system/failing is not Ready (GitOperationFailed): "
                + "failed to checkout and determine revision: repository not found");
    }

    @Test
    void nobodyAnsweringEndsInATimeoutThatSaysWhatWasSeen() {
        long started = System.nanoTime();

        assertThat(run("reconcile", "source", "git", "silent", "--kafka", kafka.bootstrapServers(), "--timeout", "2")).isEqualTo(1);

        assertThat(err.toString()).contains("✗ timed out after 2 s waiting for GitRepository flux-system/silent to be reconciled",
                "status.lastHandledReconcileAt is not set", "Is source-service running?");
        assertThat(recordFor("GitRepository/flux-system/silent")).as("the request was still published").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingObjectIsNamedAndNothingIsPublished() {
        assertThat(run("reconcile", "ks", "nope", "--kafka", kafka.bootstrapServers())).isEqualTo(1);

        assertThat(err.toString()).contains("✗ Kustomization flux-system/nope not found in the cluster at " + cluster.masterUrl());
        assertThat(owner.records).noneMatch(r -> r.key().endsWith("/nope"));
    }

    @Test
    void aSuspendedObjectIsRefused() {
        assertThat(run("reconcile", "ks", "paused", "--kafka", kafka.bootstrapServers())).isEqualTo(1);

        assertThat(err.toString()).contains("Kustomization flux-system/paused is suspended");
    }

    @Test
    void anUnreachableBrokerFailsWithinTheBoundedWait() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        assertThat(run("reconcile", "source", "git", "podinfo", "--kafka", "127.0.0.1:" + closedPort, "--timeout", "3")).isEqualTo(1);

        assertThat(err.toString()).contains("✗ Cannot reach Kafka at 127.0.0.1:" + closedPort, "Is 'sluice up' running?");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aBootstrapAddressWithoutAPortIsNamed() {
        assertThat(run("reconcile", "source", "git", "podinfo", "--kafka", "localhost")).isEqualTo(1);

        assertThat(err.toString()).contains("Kafka bootstrap address 'localhost' has no port; give HOST:PORT");
    }

    @Test
    void withoutKafkaOptionOrRunningUpItSaysWhatToPass() {
        assertThat(run("reconcile", "source", "git", "podinfo")).isEqualTo(1);

        assertThat(err.toString()).contains("No Kafka broker", "pass --kafka HOST:PORT");
    }

    @Test
    void anUnknownKindIsAUsageError() {
        assertThat(run("reconcile", "helmrelease", "x", "--kafka", kafka.bootstrapServers())).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown kind 'helmrelease'", "source git NAME", "kustomization NAME");
    }
}
