package io.sluice.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.api.meta.ObjectKey;
import io.sluice.cli.CliRun;
import io.sluice.cli.SluiceCli;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.get.FluxFixtures;
import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice events} reading the services' ObjectEvents from the sandbox's Kafka broker, objects in the sandbox API. */
class EventsCommandTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("test"));
    private static final Instant NOW = Instant.now();

    private static EmbeddedKafka kafka;
    private static SandboxCluster cluster;
    private static String kubeconfig;
    private static KafkaProducer<String, byte[]> producer;
    /** Run before the topic existed. */
    private static CliRun beforeTheTopic;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig")).toString();
        FluxFixtures.create(cluster.client(), FluxKind.KUSTOMIZATION, FluxFixtures.kustomization("flux-system", "podinfo", "podinfo"), null);
        FluxFixtures.create(cluster.client(), FluxKind.GIT_REPOSITORY, FluxFixtures.gitRepository("flux-system", "podinfo"), null);
        beforeTheTopic = sluice("events");

        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(EventLog.TOPIC, 3, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        publish(event("Kustomization", "flux-system", "podinfo", Severity.ERROR, "BuildFailed",
                "kustomize build failed:\n  malformed YAML in deploy/configmap.yaml", NOW.minus(Duration.ofHours(5))));
        publish(event("GitRepository", "flux-system", "podinfo", Severity.INFO, "NewArtifact", "stored artifact for commit 'Change'",
                NOW.minus(Duration.ofDays(3))));
        publish(event("Kustomization", "flux-system", "podinfo", Severity.INFO, "ReconciliationSucceeded", "Applied revision: main@sha1:1",
                NOW.minus(Duration.ofHours(2))));
        publish(event("Kustomization", "team-a", "web", Severity.INFO, "Progressing", "Deployment/team-a/web created", NOW.minus(Duration.ofHours(4))));
        producer.send(new ProducerRecord<>(EventLog.TOPIC, "not-an-event", "{}".getBytes())).get();
    }

    @AfterAll
    static void stop() {
        producer.close();
        cluster.close();
        kafka.close();
    }

    private static ObjectEvent event(String kind, String namespace, String name, Severity severity, String reason, String message,
                                     Instant at) {
        return new ObjectEvent(ObjectKey.of(kind, namespace, name), severity, reason, message, null, Map.of(), at, "apply-service");
    }

    private static void publish(ObjectEvent event) throws Exception {
        producer.send(CODEC.encode(event)).get();
    }

    private static CliRun sluice(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kafka", kafka.bootstrapServers(), "--kubeconfig", kubeconfig, "--work-dir", dir.resolve("no-up").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void listsTheNamespacesEventsOldestFirstAsFluxDoes() {
        CliRun run = sluice("events");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "LAST SEEN   TYPE      REASON                    OBJECT                  MESSAGE",
                "3d          Normal    NewArtifact               GitRepository/podinfo   stored artifact for commit 'Change'",
                "5h          Warning   BuildFailed               Kustomization/podinfo   kustomize build failed: malformed YAML in deploy/configmap.yaml",
                "2h          Normal    ReconciliationSucceeded   Kustomization/podinfo   Applied revision: main@sha1:1");
        assertThat(run.err()).isEqualTo("(skipped 1 record(s) on sluice.events that are not ObjectEvents)\n");
    }

    @Test
    void allNamespacesAddsTheNamespaceColumnAndForKeepsOneObject() {
        CliRun all = sluice("events", "-A");
        assertThat(all.out()).containsPattern("^NAMESPACE +LAST SEEN +TYPE").containsPattern("\nteam-a +4h +Normal +Progressing +Kustomization/web +Deployment/team-a/web created\n").hasLineCount(5);

        CliRun one = sluice("events", "--for", "kustomization/podinfo");
        assertThat(one.code()).as(one.toString()).isZero();
        assertThat(one.out()).contains("BuildFailed", "ReconciliationSucceeded").doesNotContain("GitRepository/").hasLineCount(3);

        CliRun none = sluice("events", "-n", "team-b");
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("no events found in team-b namespace\n");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        CliRun unknownKind = sluice("events", "--for", "Deployment/podinfo");
        assertThat(unknownKind.code()).isEqualTo(2);
        assertThat(unknownKind.err()).contains("--for takes KIND/NAME with KIND one of GitRepository, Kustomization", "'Deployment/podinfo'");

        assertThat(sluice("events", "--for", "podinfo").code()).as("no KIND/").isEqualTo(2);

        CliRun missing = sluice("events", "--for", "Kustomization/nope");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("✗ Kustomization flux-system/nope not found in the cluster at ");

        CliRun noBroker = CliRun.of("events", "--kafka", "127.0.0.1:" + LoopbackPorts.free());
        assertThat(noBroker.code()).isEqualTo(1);
        assertThat(noBroker.err()).contains("✗ Cannot reach Kafka at 127.0.0.1:");

        CliRun noUp = CliRun.of("events", "--work-dir", dir.resolve("no-up").toString());
        assertThat(noUp.code()).isEqualTo(1);
        assertThat(noUp.err()).contains("No Kafka broker to talk to: no 'sluice up' is running");

        CliRun noCluster = CliRun.of("events", "--for", "Kustomization/podinfo", "--kafka", kafka.bootstrapServers(),
                "--kubeconfig", dir.resolve("missing-kubeconfig").toString());
        assertThat(noCluster.code()).isEqualTo(1);
        assertThat(noCluster.err()).startsWith("✗ ");

        assertThat(beforeTheTopic.code()).isEqualTo(1);
        assertThat(beforeTheTopic.err()).contains("has no topic sluice.events: the services create it when they start");
    }

    @Test
    void watchPrintsNewEventsAsTheyCome() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        Thread watching = new Thread(() -> cli.execute("events", "--for", "GitRepository/podinfo", "--watch", "--kafka",
                kafka.bootstrapServers(), "--kubeconfig", kubeconfig, "--work-dir", dir.resolve("no-up").toString()), "events-watch");
        watching.start();
        try {
            await(() -> out.toString().contains("NewArtifact"), "the list before watching");
            publish(event("GitRepository", "flux-system", "podinfo", Severity.ERROR, "GitOperationFailed", "remote hung up", Instant.now()));
            publish(event("Kustomization", "flux-system", "podinfo", Severity.INFO, "Other", "not this object", Instant.now()));
            await(() -> out.toString().contains("GitOperationFailed"), "the new event");
            assertThat(out.toString()).containsPattern("\n[0-9]s   Warning   GitOperationFailed   GitRepository/podinfo   remote hung up\n")
                    .doesNotContain("not this object");
        } finally {
            watching.interrupt();
            watching.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(watching.isAlive()).as("an interrupted watch ends").isFalse();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void agesReadAsKubectlShowsThem() {
        assertThat(List.of(EventRows.age(Duration.ofSeconds(-3)), EventRows.age(Duration.ofSeconds(59)), EventRows.age(Duration.ofMinutes(61)),
                EventRows.age(Duration.ofHours(50)))).containsExactly("0s", "59s", "1h", "2d");
    }
}
