package io.sluice.api.messaging;

/**
 * A Kafka record is not a Sluice CloudEvent: a header is missing, the spec version or type is unknown, or the
 * data is not valid JSON for its type. The message says which record and what is wrong. Consumers let it
 * propagate so that SmallRye's {@code dead-letter-queue} failure strategy moves the record to
 * {@code <topic>.dlq} with this message in its {@code dead-letter-reason} header.
 */
public class CloudEventDecodingException extends RuntimeException {

    public CloudEventDecodingException(String message) {
        super(message);
    }

    public CloudEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
