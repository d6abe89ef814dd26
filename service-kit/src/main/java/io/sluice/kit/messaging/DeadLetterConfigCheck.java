package io.sluice.kit.messaging;

import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds incoming Kafka channels that read a Sluice topic without the dead-letter set-up every Sluice consumer
 * needs: {@code failure-strategy=dead-letter-queue} and {@code dead-letter-queue.topic=<topic>.dlq}. Without
 * it SmallRye's default strategy ({@code fail}) stops the channel at the first record it cannot process, and
 * every record behind it on that partition waits.
 */
public final class DeadLetterConfigCheck {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String CONNECTOR_DEFAULTS = "mp.messaging.connector.smallrye-kafka.";

    private DeadLetterConfigCheck() {
    }

    /**
     * @param propertyNames every config property name (to find the channels)
     * @param lookup        looks a config value up by name
     * @param topics        the Sluice topic names
     * @return one message per misconfigured channel, with the lines to add; empty when all is well
     */
    public static List<String> problems(Iterable<String> propertyNames, Function<String, Optional<String>> lookup, TopicsConfig topics) {
        List<String> problems = new ArrayList<>();
        for (String channelKey : incomingChannels(propertyNames)) {
            // A channel name with dots is quoted in config keys: mp.messaging.incoming."sluice.events".topic
            String channel = channelKey.startsWith("\"") ? channelKey.substring(1, channelKey.length() - 1) : channelKey;
            String prefix = INCOMING + channelKey + ".";
            if (!lookup.apply(prefix + "connector").map("smallrye-kafka"::equals).orElse(false)) {
                continue;
            }
            String topicName = lookup.apply(prefix + "topic").orElse(channel);
            Optional<Topic> topic = topics.topicNamed(topicName);
            if (topic.isEmpty()) {
                continue;
            }
            String strategy = lookup.apply(prefix + "failure-strategy").or(() -> lookup.apply(CONNECTOR_DEFAULTS + "failure-strategy")).orElse("fail");
            String dlq = lookup.apply(prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + channel);
            String expectedDlq = topics.dlqName(topic.get());
            if (!strategy.equals("dead-letter-queue") || !dlq.equals(expectedDlq)) {
                problems.add("channel '" + channel + "' reads " + topicName + " with failure-strategy=" + strategy + " and dead-letter topic "
                        + (strategy.equals("dead-letter-queue") ? dlq : "none") + "; a record it cannot process must go to " + expectedDlq
                        + " instead of stopping the channel. Add to application.properties:\n"
                        + "  " + prefix + "failure-strategy=dead-letter-queue\n"
                        + "  " + prefix + "dead-letter-queue.topic=" + expectedDlq);
            }
        }
        return problems;
    }

    private static Set<String> incomingChannels(Iterable<String> propertyNames) {
        Set<String> channels = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith(INCOMING)) {
                String rest = name.substring(INCOMING.length());
                int end = rest.startsWith("\"") ? rest.indexOf('"', 1) + 1 : rest.indexOf('.');
                if (end > 0 && end < rest.length() && rest.charAt(end) == '.') {
                    channels.add(rest.substring(0, end));
                }
            }
        }
        return channels;
    }
}
