package io.sluice.alert.dispatch;

import io.sluice.alert.provider.DeliveryException;
import io.sluice.api.meta.ObjectKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A notification that could not be delivered, with the record it came from.
 *
 * @param origin    the {@code sluice.events} record of the event (copied unchanged to the dead-letter topic)
 * @param provider  e.g. {@code Provider/flux-system/slack}
 * @param type      the Provider's {@code spec.type}
 * @param alert     the Alert that routed it there
 * @param error     the last attempt's error; its message never contains a secret
 * @param attempts  attempts made (0 when it never got a turn: queue full, service stopping)
 */
public record DeadLetter(ConsumerRecord<String, byte[]> origin, ObjectKey provider, String type, ObjectKey alert,
                         DeliveryException error, int attempts) {
}
