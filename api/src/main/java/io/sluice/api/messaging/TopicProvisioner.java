package io.sluice.api.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Creates the topics a service needs, and their dead-letter topics, when they are missing; checks the
 * cleanup policy of those that exist. Safe to run from every replica at every start: a topic that exists
 * (or that another replica creates at the same moment) is left alone.
 *
 * <p>Existing topics are never changed. A different partition count is left as it is (adding partitions
 * would move keys to other partitions and break per-object ordering); a different cleanup policy is
 * reported as a {@link TopicMismatch}, because a compacted topic that deletes loses the latest state of
 * objects and a delete topic that compacts keeps stale pushes forever.
 */
public final class TopicProvisioner {

    private static final long RETRY_PAUSE_MS = 100;

    private final Admin admin;
    private final TopicsConfig config;
    private final Duration timeout;

    /**
     * @param admin   an Admin client; the caller owns and closes it
     * @param config  topic names and settings
     * @param timeout how long to wait for each Admin call before giving up
     */
    public TopicProvisioner(Admin admin, TopicsConfig config, Duration timeout) {
        this.admin = admin;
        this.config = config;
        this.timeout = timeout;
    }

    /** Provisions the given topics and the dead-letter topic of each. */
    public ProvisionResult provision(Collection<Topic> topics) {
        Map<String, TopicSettings> wanted = new LinkedHashMap<>();
        for (Topic topic : topics) {
            wanted.putIfAbsent(config.name(topic), config.settings(topic));
            wanted.putIfAbsent(config.dlqName(topic), config.dlqSettings(topic));
        }
        Set<String> present = await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(), "listing topics");

        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>(wanted.keySet().stream().filter(present::contains).toList());
        List<NewTopic> missing = wanted.values().stream().filter(s -> !present.contains(s.name())).map(TopicSettings::toNewTopic).toList();
        if (!missing.isEmpty()) {
            CreateTopicsResult result = admin.createTopics(missing);
            for (NewTopic topic : missing) {
                if (createOrFindExisting(result.values().get(topic.name()), topic.name())) {
                    created.add(topic.name());
                } else {
                    existing.add(topic.name());
                }
            }
        }
        if (!created.isEmpty()) {
            // Creation is acknowledged by the controller before the broker serves the topic; wait until it
            // does, so the topics are usable when this method returns.
            awaitKnown(() -> admin.describeTopics(created).allTopicNames(), "waiting for new topics " + created + " to be served");
        }
        List<TopicMismatch> mismatches = checkCleanupPolicies(existing, wanted);
        return new ProvisionResult(created, existing, mismatches);
    }

    /** Provisions the given topics and the dead-letter topic of each. */
    public ProvisionResult provision(Topic... topics) {
        return provision(Arrays.asList(topics));
    }

    /** True when created, false when someone else created it first (another replica starting at the same time). */
    private boolean createOrFindExisting(KafkaFuture<Void> creation, String name) {
        try {
            creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw timedOut("creating topic " + name, e.getCause());
            }
            throw new TopicProvisioningException("Kafka refused to create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw timedOut("creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while creating topic " + name, e);
        }
    }

    private List<TopicMismatch> checkCleanupPolicies(List<String> existing, Map<String, TopicSettings> wanted) {
        if (existing.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = existing.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = awaitKnown(() -> admin.describeConfigs(resources).all(), "reading the configs of " + existing);
        List<TopicMismatch> mismatches = new ArrayList<>();
        for (ConfigResource resource : resources) {
            TopicSettings settings = wanted.get(resource.name());
            ConfigEntry entry = configs.get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String actual = entry == null || entry.value() == null ? "" : entry.value();
            if (!policies(actual).equals(Set.of(settings.cleanupPolicy().kafkaValue()))) {
                mismatches.add(new TopicMismatch(resource.name(), TopicConfig.CLEANUP_POLICY_CONFIG, settings.cleanupPolicy().kafkaValue(), actual));
            }
        }
        return mismatches;
    }

    /** Kafka writes combined policies as "compact,delete" (or "delete,compact"); compare them as sets. */
    private static Set<String> policies(String value) {
        Set<String> set = new TreeSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                set.add(part.trim());
            }
        }
        return set;
    }

    /**
     * Repeats a call while the broker does not know a topic yet (one that was just created, here or by another
     * replica), until the timeout.
     */
    private <T> T awaitKnown(Supplier<KafkaFuture<T>> call, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return await(call.get(), what);
            } catch (TopicProvisioningException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("interrupted while " + what, e);
            }
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                // The Admin client's own timeout (default.api.timeout.ms) ran out before ours.
                throw timedOut(what, e.getCause());
            }
            throw new TopicProvisioningException("Kafka failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw timedOut(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while " + what, e);
        }
    }

    private TopicProvisioningException timedOut(String what, Throwable e) {
        return new TopicProvisioningException("Kafka did not answer within " + timeout.toMillis() + " ms while " + what
                + "; check that a broker runs at the configured bootstrap servers (kafka.bootstrap.servers) and is reachable", e);
    }
}
