package io.sluice.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who this service is and which topics it uses; every Sluice service sets these in its
 * {@code application.properties}:
 * <pre>
 * sluice.service.name=source-service
 * sluice.service.produces=source.artifact,events
 * sluice.service.consumes=git.push,reconcile.requests
 * </pre>
 */
@ConfigMapping(prefix = "sluice.service")
public interface ServiceConfig {

    /**
     * {@code sluice.service.name}: lower-case with dashes, e.g. {@code webhook-gateway}. The CloudEvents
     * {@code source} of the events it publishes is {@code /sluice/<name>}.
     */
    String name();

    /**
     * {@code sluice.service.produces}: suffixes of the topics it publishes to, e.g. {@code git.push,events}.
     * They and their dead-letter topics are created at start-up when missing.
     */
    Optional<List<String>> produces();

    /**
     * {@code sluice.service.consumes}: suffixes of the topics it reads. They are provisioned too, so a consumer
     * that starts before the producer does not meet a missing topic, and its dead-letter topic (which the
     * consumer writes to) exists.
     */
    Optional<List<String>> consumes();

    /**
     * {@code sluice.service.provision-topics} (default true): create missing topics at start-up. Turn it off
     * where topics are managed elsewhere (e.g. by Strimzi KafkaTopic objects); start-up then does not touch them.
     */
    @WithName("provision-topics")
    @WithDefault("true")
    boolean provisionTopics();

    /**
     * {@code sluice.service.kafka-timeout} (default 30s): how long start-up waits for Kafka before it fails.
     */
    @WithName("kafka-timeout")
    @WithDefault("30s")
    Duration kafkaTimeout();
}
