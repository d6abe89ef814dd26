package io.sluice.sandbox.testing;

import io.sluice.api.events.SluiceEvent;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one topic of the test broker from where it ended when the tail was opened: {@link #next} returns the
 * records of one key in order, one by one, so a test can say "the next rendering of X must contain Y", and
 * {@link #assertNoneFor} checks that nothing arrives for a key for a while. One consumer, no group; close it.
 */
public final class TopicTail implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new HashMap<>();
    private final Map<String, Integer> taken = new HashMap<>();

    private TopicTail(String topic) {
        this.topic = topic;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);   // resolve "the end" now, not at the first poll
    }

    /** Tails {@code topic} (full name, e.g. {@code sluice.render.manifests}) from its current end. */
    public static TopicTail fromEnd(String topic) {
        return new TopicTail(topic);
    }

    /** Waits (up to 30 s) for the next record with this key and decodes it as {@code type}. */
    public synchronized <T extends SluiceEvent> T next(String key, Class<T> type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (available(key) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no further record with key " + key + " arrived on " + topic + " within " + WAIT.toSeconds() + " s");
            }
            poll();
        }
        int index = taken.merge(key, 1, Integer::sum) - 1;
        return TestKafka.CODEC.decode(byKey.get(key).get(index), type).data();
    }

    /** Fails if a record with this key arrives (or has arrived and was not taken) within {@code during}. */
    public synchronized void assertNoneFor(String key, Duration during) {
        long end = System.nanoTime() + during.toNanos();
        do {
            poll();
            if (available(key) > 0) {
                throw new AssertionError("expected nothing more with key " + key + " on " + topic + ", got "
                        + new String(byKey.get(key).get(taken.getOrDefault(key, 0)).value()));
            }
        } while (System.nanoTime() < end);
    }

    private int available(String key) {
        return byKey.getOrDefault(key, List.of()).size() - taken.getOrDefault(key, 0);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
