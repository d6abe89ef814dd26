package io.sluice.kit.messaging;

import io.sluice.api.events.SluiceEvent;

import java.util.concurrent.CompletionStage;

/**
 * Where a reconciler's events go: {@link EventPublisher} (Kafka) in the service, a list in a unit test, so the
 * reconciler runs without Quarkus. The stage completes when the event is stored, and fails when it could not be.
 */
@FunctionalInterface
public interface EventSink {

    CompletionStage<Void> publish(SluiceEvent event);
}
