package io.sluice.render.reconcile;

import io.smallrye.common.annotation.Identifier;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;

/**
 * Which Kustomizations this replica renders on their interval and on changes: those whose key falls in a
 * partition of {@code reconcile.requests} it holds (see the kit's {@link io.sluice.kit.reconcile.PartitionOwnership}).
 * Registered as the rebalance listener of the {@code reconcile-requests} channel
 * ({@code consumer-rebalance-listener.name=render-service-partitions}); fires {@link PartitionsAssigned} after each
 * assignment, so the Kustomizations that just became this replica's are rendered at once.
 */
@Singleton // not @ApplicationScoped: a client proxy would need a no-args constructor, which the kit's class lacks
@Identifier(PartitionOwnership.NAME) // how the channel finds it
@Default                             // how RenderTriggers injects it
public class PartitionOwnership extends io.sluice.kit.reconcile.PartitionOwnership {

    public static final String NAME = "render-service-partitions";

    PartitionOwnership(TopicsConfig topics, Event<PartitionsAssigned> assigned) {
        super(topics.name(Topic.RECONCILE_REQUESTS), assigned::fire);
    }
}
