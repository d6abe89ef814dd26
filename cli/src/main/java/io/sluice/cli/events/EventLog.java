package io.sluice.cli.events;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.CloudEventDecodingException;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.cli.CliFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The services' {@link ObjectEvent}s as they are kept on the {@code sluice.events} topic (seven days): read from the
 * start of every partition up to the end as it is when asked, then, for {@code --watch}, whatever arrives after. No
 * consumer group: reading commits nothing and disturbs no service. Records that are not ObjectEvents are counted and
 * skipped.
 */
final class EventLog implements AutoCloseable {

    static final String TOPIC = TopicsConfig.defaults().name(Topic.EVENTS);

    private final String bootstrap;
    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventCodec codec = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("sluice-cli"));
    private int skipped;

    /** @param wait the longest wait for the broker's answers (metadata, offsets) */
    EventLog(String bootstrap, Duration wait) {
        this.bootstrap = bootstrap;
        int millis = (int) wait.toMillis();
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "sluice-cli-events",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Asking for the partitions of a missing topic must not create it with broker defaults.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every event kept on the topic, in the order of each partition. */
    List<ObjectEvent> readToEnd() {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end;
        try {
            end = consumer.endOffsets(partitions);
        } catch (KafkaException e) {
            throw new CliFailure("Could not read the end of " + TOPIC + " on Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
        List<ObjectEvent> events = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            events.addAll(decode(consumer.poll(Duration.ofMillis(200))));
        }
        return events;
    }

    /** What arrived since the last read, waiting at most {@code wait} for something. */
    List<ObjectEvent> next(Duration wait) {
        return decode(consumer.poll(wait));
    }

    /** Records on the topic that were not ObjectEvents. */
    int skipped() {
        return skipped;
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(TOPIC);
        } catch (KafkaException e) {
            throw new CliFailure("Could not read the partitions of " + TOPIC + " on Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new CliFailure("Kafka at " + bootstrap + " has no topic " + TOPIC + ": the services create it when they start."
                    + " Is this the broker of your 'sluice up'? Pass --kafka HOST:PORT for another one.");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private List<ObjectEvent> decode(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<ObjectEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(codec.decode(record, ObjectEvent.class).data());
            } catch (CloudEventDecodingException e) {
                skipped++;
            }
        }
        return events;
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
