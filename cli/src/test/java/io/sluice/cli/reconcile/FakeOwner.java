package io.sluice.cli.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.cli.flux.FluxKind;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Stands in for the service that owns an object: reads {@code sluice.reconcile.requests} (one partition, from the
 * start) and, for objects it was told to answer, writes the status a reconcile leaves: Ready and
 * {@code lastHandledReconcileAt = requestedAt}. Keeps every record it read, for assertions.
 */
final class FakeOwner implements AutoCloseable {

    static final String TOPIC = TopicsConfig.defaults().name(io.sluice.api.messaging.Topic.RECONCILE_REQUESTS);

    private final KubernetesClient client;
    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventCodec codec = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("test"));
    /** object subject → the status fields (besides lastHandledReconcileAt) to write when asked to reconcile it */
    private final Map<String, Function<ReconcileRequested, Map<String, Object>>> answers = new ConcurrentHashMap<>();
    final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    final List<String> handledInOrder = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FakeOwner(String bootstrap, KubernetesClient client) {
        this.client = client;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
        thread = new Thread(this::loop, "fake-owner");
        thread.setDaemon(true);
        thread.start();
    }

    void answer(String subject, Function<ReconcileRequested, Map<String, Object>> status) {
        answers.put(subject, status);
    }

    private void loop() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                records.add(record);
                CloudEvent<ReconcileRequested> event = codec.decode(record, ReconcileRequested.class);
                var answer = answers.get(event.subject());
                if (answer != null) {
                    writeStatus(event.data(), answer.apply(event.data()));
                    handledInOrder.add(event.subject());
                }
            }
        }
        consumer.close();
    }

    private void writeStatus(ReconcileRequested request, Map<String, Object> status) {
        FluxKind kind = FluxKind.valueOf(request.object().kind().equals("GitRepository") ? "GIT_REPOSITORY" : "KUSTOMIZATION");
        var resources = client.genericKubernetesResources(kind.context()).inNamespace(request.object().namespace());
        Map<String, Object> full = new HashMap<>(status);
        full.put("lastHandledReconcileAt", DateTimeFormatter.ISO_INSTANT.format(request.requestedAt()));
        // The CLI annotates the object right after publishing, so a write may meet a newer version: read again, as
        // a controller does on a conflict.
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource live = resources.withName(request.object().name()).get();
            live.setAdditionalProperty("status", full);
            try {
                resources.resource(live).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
