package io.sluice.cli.e2e;

import io.sluice.api.events.SluiceEvent;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the pipeline's topics from the beginning, in the background, with a plain {@link KafkaConsumer} in a group
 * of its own (so it never takes records from a service), decodes every record with {@link CloudEventCodec} and keeps
 * them in arrival order. Records that do not decode are kept as failures and fail {@link #await}.
 */
final class EventLog implements AutoCloseable {

    static final List<Topic> TOPICS = List.of(Topic.GIT_PUSH, Topic.SOURCE_ARTIFACT, Topic.RENDER_MANIFESTS,
            Topic.APPLY_RESULT, Topic.EVENTS, Topic.IMAGE_PUSH, Topic.IMAGE_POLICY);

    private static final TopicsConfig NAMES = TopicsConfig.defaults();
    private static final CloudEventCodec CODEC = new CloudEventCodec(NAMES, CloudEventCodec.sourceFor("e2e-test"));

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<String> undecodable = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    private volatile boolean closed;

    EventLog(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Topics the services create after this consumer subscribed are picked up within a second.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        // The topics and their dead-letter topics: a record a service gave up on is part of what a failure must show.
        consumer.subscribe(Pattern.compile(TOPICS.stream().map(t -> Pattern.quote(NAMES.name(t))).collect(Collectors.joining("|", "(", ")"))
                + "(" + Pattern.quote(Topic.DLQ_SUFFIX) + ")?"));
        poller = new Thread(this::poll, "e2e-event-log");
        poller.setDaemon(true);
        poller.start();
    }

    static String name(Topic topic) {
        return NAMES.name(topic);
    }

    private void poll() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant seen = Instant.now();
                    if (record.topic().endsWith(Topic.DLQ_SUFFIX)) {
                        addDeadLetter(record);
                        continue;
                    }
                    try {
                        CloudEvent<SluiceEvent> event = CODEC.decode(record);
                        add(new RecordedEvent(record.topic(), record.key(), event.source(), event.time(),
                                Instant.ofEpochMilli(record.timestamp()), seen, event.data()));
                    } catch (RuntimeException e) {
                        synchronized (this) {
                            undecodable.add(e.getMessage());
                            notifyAll();
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up.
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    private synchronized void addDeadLetter(ConsumerRecord<String, byte[]> record) {
        Header reason = record.headers().lastHeader("dead-letter-reason");
        deadLetters.add(record.topic() + " key " + record.key() + ": "
                + (reason == null ? "(no dead-letter-reason header)" : new String(reason.value(), StandardCharsets.UTF_8)));
    }

    /** Records the services sent to a {@code .dlq} topic, each with its {@code dead-letter-reason}. */
    synchronized List<String> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private synchronized void add(RecordedEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<RecordedEvent> all() {
        return List.copyOf(events);
    }

    <T extends SluiceEvent> List<T> all(Class<T> type, Predicate<T> matching) {
        return all().stream().filter(e -> e.is(type)).map(e -> e.as(type)).filter(matching).toList();
    }

    /**
     * Waits for the first recorded event of {@code type} matching {@code matching}.
     *
     * @throws AssertionError naming {@code what}, with the events seen so far, when none comes within {@code timeout}
     */
    <T extends SluiceEvent> RecordedEvent await(Class<T> type, Predicate<T> matching, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                if (!undecodable.isEmpty()) {
                    throw new AssertionError("A record on the pipeline's topics could not be decoded: " + undecodable);
                }
                for (RecordedEvent event : events) {
                    if (event.is(type) && matching.test(event.as(type))) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + type.getSimpleName() + " " + what + " within " + timeout.toSeconds()
                            + " s. Dead letters: " + deadLetters + ". Events per topic: " + counts());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    static String describe(List<RecordedEvent> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append("  ").append(e).append('\n'));
        return text.isEmpty() ? "  (none)\n" : text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        poller.join(5_000);
    }

    /** For messages: topic → count. */
    Map<String, Long> counts() {
        return all().stream().collect(Collectors.groupingBy(RecordedEvent::topic, TreeMap::new, Collectors.counting()));
    }
}
