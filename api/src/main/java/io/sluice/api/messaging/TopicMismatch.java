package io.sluice.api.messaging;

/**
 * An existing topic whose setting differs from what Sluice needs.
 *
 * @param topic    the full topic name
 * @param setting  the Kafka topic config, e.g. {@code cleanup.policy}
 * @param expected what Sluice needs
 * @param actual   what the topic has
 */
public record TopicMismatch(String topic, String setting, String expected, String actual) {

    /** Says what differs and how to fix it. */
    public String message() {
        return "topic " + topic + " has " + setting + "=" + actual + " but Sluice needs " + setting + "=" + expected
                + "; change it with: kafka-configs.sh --alter --entity-type topics --entity-name " + topic
                + " --add-config " + setting + "=" + expected + " (or delete the topic and let Sluice create it)";
    }
}
