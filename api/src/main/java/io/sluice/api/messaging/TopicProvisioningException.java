package io.sluice.api.messaging;

/** Topics could not be created or checked: Kafka unreachable, creation refused, or a topic set up differently. */
public class TopicProvisioningException extends RuntimeException {

    public TopicProvisioningException(String message) {
        super(message);
    }

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
