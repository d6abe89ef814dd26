package io.sluice.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import io.sluice.api.notification.Receiver;
import io.sluice.api.notification.ReceiverSpec;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Objects in the sandbox cluster and records on the sandbox broker, for the webhook endpoint tests. */
final class SandboxFixtures {

    static final String NAMESPACE = "flux-system";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxFixtures() {
    }

    static KubernetesClient client() {
        return SandboxClusterResource.cluster().client();
    }

    /** Creates the Secret {@code <name>-token} holding {@code token}, stored in {@code data} as an API server stores it. */
    static void createSecret(String name, String token) {
        client().secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name + "-token").withNamespace(NAMESPACE).build())
                .withData(Map.of("token", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))))
                .build()).create();
    }

    /** A Receiver named {@code name} using Secret {@code <name>-token}, reconciling GitRepository {@code <name>-repo}. */
    static Receiver receiver(String name, String type, List<String> events) {
        Receiver receiver = new Receiver();
        receiver.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        ReceiverSpec spec = new ReceiverSpec();
        spec.setType(type);
        spec.setEvents(events);
        LocalObjectReference secret = new LocalObjectReference();
        secret.setName(name + "-token");
        spec.setSecretRef(secret);
        spec.setResources(List.of(reference("GitRepository", name + "-repo", null)));
        receiver.setSpec(spec);
        return receiver;
    }

    static CrossNamespaceObjectReference reference(String kind, String name, Map<String, String> labels) {
        CrossNamespaceObjectReference reference = new CrossNamespaceObjectReference();
        reference.setKind(kind);
        reference.setName(name);
        reference.setMatchLabels(labels);
        return reference;
    }

    /** Creates Secret and Receiver and waits until the gateway has written the Receiver's webhook path. */
    static String serve(Receiver receiver, String token) {
        createSecret(receiver.getMetadata().getName(), token);
        client().resources(Receiver.class).inNamespace(NAMESPACE).resource(receiver).create();
        return awaitPath(receiver.getMetadata().getName());
    }

    static String awaitPath(String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> path(name) != null);
        return path(name);
    }

    static String path(String name) {
        Receiver current = client().resources(Receiver.class).inNamespace(NAMESPACE).withName(name).get();
        return current == null || current.getStatus() == null ? null : current.getStatus().getWebhookPath();
    }

    static void createGitRepository(String name, Map<String, String> labels) {
        GitRepository repository = new GitRepository();
        repository.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).withLabels(labels).build());
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl("https://github.com/acme/" + name);
        spec.setInterval("1m");
        repository.setSpec(spec);
        client().resources(GitRepository.class).inNamespace(NAMESPACE).resource(repository).create();
    }

    static String hmac(String algorithm, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until {@code count} records on {@code topic} match, and returns all that match. */
    static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, unique("webhook-test"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        matching.add(record);
                    }
                });
                return matching.size() >= count;
            });
            // Anything more that is already there counts too: a test asserting "exactly one" must see a second.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (match.test(record)) {
                    matching.add(record);
                }
            });
            return matching;
        }
    }

    static Predicate<ConsumerRecord<String, byte[]>> key(String key) {
        return record -> key.equals(record.key());
    }

    static Predicate<ConsumerRecord<String, byte[]>> field(String field, String value) {
        return record -> value.equals(json(record).path(field).asText());
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
