package io.sluice.cli.reconcile;

import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.cli.CliFailure;
import io.sluice.cli.kafka.KafkaBootstrap;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a {@link ReconcileRequested} to {@code sluice.reconcile.requests}, encoded as every service encodes
 * events ({@link CloudEventCodec}: CloudEvents binary mode, key = the object), and waits for the broker to
 * acknowledge it, at most {@code wait}.
 */
public final class RequestPublisher {

    /** Who asked, in every request the CLI publishes. */
    public static final String REQUESTED_BY = "sluice-cli";

    private final String bootstrap;
    private final Duration wait;
    private final CloudEventCodec codec = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor(REQUESTED_BY));

    public RequestPublisher(String bootstrap, Duration wait) {
        this.bootstrap = bootstrap;
        this.wait = wait;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static String stripPeriod(String message) {
        return message == null ? "" : message.replaceAll("\\.+$", "");
    }

    /** @return the topic, partition and offset the request landed at */
    public RecordMetadata publish(ReconcileRequested request) {
        KafkaBootstrap.requireReachable(bootstrap, wait);
        ProducerRecord<String, byte[]> record = codec.encode(request);
        long millis = wait.toMillis();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, REQUESTED_BY,
                ProducerConfig.ACKS_CONFIG, "all",
                // Bounded everywhere: waiting for metadata, for one request, and for delivery as a whole.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) millis,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaProducer<String, byte[]> producer;
        try {
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            throw new CliFailure("Cannot use Kafka at '" + bootstrap + "': " + e.getMessage() + ". Pass --kafka HOST:PORT.", e);
        }
        try {
            return producer.send(record).get(millis + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new CliFailure("Could not publish the reconcile request to " + record.topic() + " on Kafka at " + bootstrap
                    + " within " + seconds(wait) + " s: " + stripPeriod(cause.getMessage())
                    + ". Is the broker running ('sluice up' starts one), and does the topic exist (the services create it)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted while publishing the reconcile request.", e);
        } finally {
            producer.close(Duration.ZERO);
        }
    }
}
