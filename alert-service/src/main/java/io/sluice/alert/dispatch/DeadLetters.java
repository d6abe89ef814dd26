package io.sluice.alert.dispatch;

import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.messaging.KafkaMessages;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes undeliverable notifications to {@code sluice.events.dlq}: the original record (key, CloudEvent value
 * and {@code ce_*} headers) unchanged, plus the headers SmallRye's dead-letter strategy uses and three of
 * alert-service's own:
 * <ul>
 *   <li>{@value #REASON}: the last error (names the Provider and host, never a secret);</li>
 *   <li>{@value #CAUSE}: the underlying exception's message, when there was one;</li>
 *   <li>{@value #EXCEPTION_CLASS}: {@code io.sluice.alert.provider.DeliveryException};</li>
 *   <li>{@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}: where the event was read;</li>
 *   <li>{@value #PROVIDER}: the Provider, e.g. {@code Provider/flux-system/slack};
 *       {@value #PROVIDER_TYPE}: its type; {@value #ALERT}: the Alert that routed it;
 *       {@value #ATTEMPTS}: how many attempts were made.</li>
 * </ul>
 * Every dead letter is also logged at ERROR.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String PROVIDER = "dead-letter-provider";
    public static final String PROVIDER_TYPE = "dead-letter-provider-type";
    public static final String ALERT = "dead-letter-alert";
    public static final String ATTEMPTS = "dead-letter-attempts";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<byte[]> emitter;
    private final TopicsConfig topics;

    /** @param emitter the kit's outgoing channel, the one every Sluice record goes through */
    DeadLetters(@Channel(EventPublisher.CHANNEL) Emitter<byte[]> emitter, TopicsConfig topics) {
        this.emitter = emitter;
        this.topics = topics;
    }

    /** Publishes the dead letter; the stage fails when Kafka refused it (then it is logged again). */
    public CompletionStage<Void> publish(DeadLetter letter) {
        String topic = topics.dlqName(Topic.EVENTS);
        LOG.errorf("Could not deliver %s (%s) to %s through %s after %d attempt(s): %s; the event goes to %s",
                letter.origin().key(), letter.alert(), letter.provider(), letter.type(), letter.attempts(),
                letter.error().getMessage(), topic);
        ProducerRecord<String, byte[]> record = record(topic, letter);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            emitter.send(KafkaMessages.toMessage(record, done));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done.whenComplete((ok, error) -> {
            if (error != null) {
                LOG.errorf("Could not write the dead letter for %s (%s) to %s: %s", letter.origin().key(), letter.provider(),
                        topic, error.getMessage());
            }
        });
    }

    static ProducerRecord<String, byte[]> record(String topic, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.origin().headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        add(headers, REASON, letter.error().getMessage());
        Throwable cause = letter.error().getCause();
        if (cause != null && cause.getMessage() != null) {
            add(headers, CAUSE, cause.getMessage());
        }
        add(headers, EXCEPTION_CLASS, letter.error().getClass().getName());
        add(headers, TOPIC, letter.origin().topic());
        add(headers, PARTITION, String.valueOf(letter.origin().partition()));
        add(headers, OFFSET, String.valueOf(letter.origin().offset()));
        add(headers, PROVIDER, letter.provider().subject());
        add(headers, PROVIDER_TYPE, letter.type());
        add(headers, ALERT, letter.alert().subject());
        add(headers, ATTEMPTS, String.valueOf(letter.attempts()));
        return new ProducerRecord<>(topic, null, letter.origin().key(), letter.origin().value(), headers);
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
