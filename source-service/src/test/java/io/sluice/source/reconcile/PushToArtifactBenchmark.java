package io.sluice.source.reconcile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.GitProvider;
import io.sluice.api.events.GitPushed;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.Topic;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.sandbox.git.LocalGitServerResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark, not a test: push-to-artifact latency for a small repository over local smart HTTP. Each round
 * commits one file to the sandbox Git server, publishes the gateway's GitPushed, and measures until the
 * ArtifactReady for the new commit arrives on Kafka (fetch + artifact + status write + publish). Prints the median
 * and p99 over 50 pushes and writes them to {@code target/bench/push-to-artifact.txt}.
 *
 * <pre>./mvnw -pl source-service test -Dtest=PushToArtifactBenchmark -Dsluice.bench=true</pre>
 */
@QuarkusTest
@TestProfile(ReconcileTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@EnabledIfSystemProperty(named = "sluice.bench", matches = "true")
class PushToArtifactBenchmark {

    private static final int WARM_UP = 5;
    private static final int PUSHES = 50;

    @Test
    void pushToArtifactLatency() throws Exception {
        LocalGitServer git = LocalGitServerResource.server();
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        git.createBareRepository(name);
        String previous = git.commitFiles(name, "main", Map.of("kustomization.yaml", "resources: [cm.yaml]\n", "cm.yaml", "n: 0\n"), "initial").name();
        var kube = SandboxClusterResource.cluster().client();
        GitRepositoryFixtures.createBasicAuthSecret(kube, "default", name, ReconcileTestProfile.GIT_USER, ReconcileTestProfile.GIT_PASSWORD);
        GitRepository repo = GitRepositoryFixtures.gitRepository("default", name, GitRepositoryFixtures.spec(git.url(name).toString(), name));
        String key = ObjectKey.of(GitRepository.KIND, "default", name).subject();

        try (KafkaConsumer<String, byte[]> consumer = consumerAtEnd();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers(),
                     ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            kube.resources(GitRepository.class).inNamespace("default").resource(repo).create();
            awaitRevision(consumer, key, previous, Duration.ofSeconds(60));

            List<Long> micros = new ArrayList<>();
            for (int i = 1; i <= WARM_UP + PUSHES; i++) {
                String commit = git.commitFiles(name, "main", Map.of("cm.yaml", "n: " + i + "\n"), "push " + i).name();
                long start = System.nanoTime();
                producer.send(ReconcileKafka.CODEC.encode(new GitPushed(GitProvider.GITHUB, new CloneUrls(git.url(name).toString(), null),
                        "refs/heads/main", previous, commit, "bench-" + i, Instant.now())));
                awaitRevision(consumer, key, commit, Duration.ofSeconds(30));
                if (i > WARM_UP) {
                    micros.add((System.nanoTime() - start) / 1000);
                }
                previous = commit;
            }
            List<Long> sorted = micros.stream().sorted().toList();
            String report = String.format("push-to-artifact over local smart HTTP, %d pushes after %d warm-up: p50 %.1f ms, p99 %.1f ms, min %.1f ms, max %.1f ms%n",
                    PUSHES, WARM_UP, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                    sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
            System.out.print(report);
            Path out = Path.of("target/bench/push-to-artifact.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
        }
    }

    /** Measured from handing the push to the producer: what follows the gateway's publish. */
    private static void awaitRevision(KafkaConsumer<String, byte[]> consumer, String key, String commit, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                if (key.equals(record.key())) {
                    CloudEvent<ArtifactReady> event = ReconcileKafka.CODEC.decode(record, ArtifactReady.class);
                    if (event.data().revision().endsWith(commit)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no ArtifactReady for " + commit + " within " + timeout);
    }

    private static KafkaConsumer<String, byte[]> consumerAtEnd() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(ReconcileKafka.TOPICS.name(Topic.SOURCE_ARTIFACT), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
