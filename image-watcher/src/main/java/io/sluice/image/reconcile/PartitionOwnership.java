package io.sluice.image.reconcile;

import io.smallrye.common.annotation.Identifier;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;

/**
 * Which image objects this replica works on: those whose key falls in a partition of {@code reconcile.requests} it
 * holds (see the kit's {@link io.sluice.kit.reconcile.PartitionOwnership}). An ImageRepository is scanned, and its
 * ImagePolicies evaluated, by the owner of the repository's key; an ImageUpdateAutomation runs on the owner of its
 * own key. Registered as the rebalance listener of the {@code reconcile-requests} channel
 * ({@code consumer-rebalance-listener.name=image-watcher-partitions}); fires {@link PartitionsAssigned} after each
 * assignment.
 */
@Singleton                           // not @ApplicationScoped: a client proxy would need a no-args constructor
@Identifier(PartitionOwnership.NAME) // how the channel finds it
@Default                             // how the triggers inject it
public class PartitionOwnership extends io.sluice.kit.reconcile.PartitionOwnership {

    public static final String NAME = "image-watcher-partitions";

    PartitionOwnership(TopicsConfig topics, Event<PartitionsAssigned> assigned) {
        super(topics.name(Topic.RECONCILE_REQUESTS), assigned::fire);
    }
}
