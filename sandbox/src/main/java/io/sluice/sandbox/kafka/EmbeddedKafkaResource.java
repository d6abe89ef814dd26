package io.sluice.sandbox.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that starts an {@link EmbeddedKafka} broker on a free loopback port for the
 * test class and stops it afterwards.
 *
 * <p>Binds:
 * <ul>
 *   <li>{@code kafka.bootstrap.servers} - read by the Quarkus Kafka client and Sluice's service kit;</li>
 *   <li>{@code mp.messaging.connector.smallrye-kafka.bootstrap.servers} - read by SmallRye Reactive Messaging
 *       channels that do not name their own servers;</li>
 *   <li>{@code quarkus.kafka.devservices.enabled=false} - never try to start a Kafka container.</li>
 * </ul>
 *
 * <p>Use with {@code @QuarkusTestResource(EmbeddedKafkaResource.class)} (or {@code @WithTestResource}).
 * A test that wants to produce or consume directly reaches the broker through {@link #kafka()}.
 */
public class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedKafka running;

    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        running = kafka;
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            if (running == kafka) {
                running = null;
            }
            kafka = null;
        }
    }

    /**
     * The broker this resource started, while it runs.
     *
     * @throws IllegalStateException when no EmbeddedKafkaResource is running
     */
    public static EmbeddedKafka kafka() {
        EmbeddedKafka current = running;
        if (current == null) {
            throw new IllegalStateException("No EmbeddedKafkaResource is running; annotate the test class with"
                    + " @QuarkusTestResource(EmbeddedKafkaResource.class)");
        }
        return current;
    }
}
