package io.sluice.kit.topics;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.sluice.api.messaging.ProvisionResult;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicProvisioner;
import io.sluice.api.messaging.TopicProvisioningException;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.config.TopicList;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * At start-up, before any Kafka channel connects, creates the topics this service produces and consumes
 * ({@code sluice.service.produces}, {@code sluice.service.consumes}) and their dead-letter topics, with the
 * settings of {@link TopicsConfig}. Existing topics are kept; one with a different cleanup policy fails
 * start-up with a message saying how to fix it. When Kafka does not answer within
 * {@code sluice.service.kafka-timeout} (30 s), start-up fails naming {@code kafka.bootstrap.servers}.
 *
 * <p>It runs first ({@code PLATFORM_BEFORE}) because SmallRye Reactive Messaging connects its channels at
 * {@code LIBRARY_BEFORE}; a consumer or producer that got there first would make the broker auto-create the
 * topic with broker defaults (1 partition, delete), which would then stay that way.
 */
@ApplicationScoped
public class TopicProvisioningOnStartup {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(TopicProvisioningOnStartup.class);

    @Inject
    ServiceConfig service;

    @Inject
    TopicsConfig topics;

    /** The service's Kafka client settings (Quarkus strips the {@code kafka.} prefix). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!service.provisionTopics()) {
            LOG.infof("Topic provisioning is off (sluice.service.provision-topics=false); %s expects its topics to exist", service.name());
            return;
        }
        provision();
    }

    /**
     * Provisions the configured topics now.
     *
     * @return what was created and what was already there
     * @throws TopicProvisioningException naming the service and the bootstrap servers, when Kafka cannot be
     *                                    reached in time, refuses a topic, or has a topic set up differently
     */
    public ProvisionResult provision() {
        Set<Topic> wanted = TopicList.union(
                TopicList.parse("sluice.service.produces", service.produces()),
                TopicList.parse("sluice.service.consumes", service.consumes()));
        if (wanted.isEmpty()) {
            LOG.infof("%s lists no topics in sluice.service.produces or sluice.service.consumes; nothing to provision", service.name());
            return new ProvisionResult(List.of(), List.of(), List.of());
        }
        Duration timeout = service.kafkaTimeout();
        Map<String, Object> props = AdminSettings.from(kafkaConfig, bootstrapServers, service.name(), timeout);
        Admin admin = null;
        try {
            admin = Admin.create(props);
            ProvisionResult result = new TopicProvisioner(admin, topics, timeout).provision(wanted).requireNoMismatches();
            LOG.infof("Kafka topics for %s at %s: created %s; already there %s", service.name(), bootstrapServers, result.created(), result.existing());
            return result;
        } catch (TopicProvisioningException | KafkaException e) {
            throw new TopicProvisioningException(service.name() + " cannot start: provisioning its Kafka topics on kafka.bootstrap.servers="
                    + bootstrapServers + " failed: " + e.getMessage(), e);
        } finally {
            if (admin != null) {
                // Do not wait for calls that already timed out; start-up has reported the problem.
                admin.close(CLOSE_TIMEOUT);
            }
        }
    }
}
