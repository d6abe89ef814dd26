package io.sluice.alert.provider;

/**
 * Where a notification goes when it could not be delivered: in the service, the Dispatcher hands it
 * to DeadLetters, which writes the event's record to {@code sluice.events.dlq} with the last error.
 */
@FunctionalInterface
public interface DeadLetterSink {

    /**
     * @param provider     the Provider, e.g. {@code Provider/flux-system/slack}
     * @param notification what could not be sent
     * @param lastError    the last attempt's error (never contains secrets)
     * @param attempts     how many attempts were made
     */
    void deadLetter(String provider, Notification notification, DeliveryException lastError, int attempts);
}
