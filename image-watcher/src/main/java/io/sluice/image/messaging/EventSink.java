package io.sluice.image.messaging;

import io.sluice.api.events.SluiceEvent;

import java.util.concurrent.CompletionStage;

/** Where reconcilers publish events: the kit's EventPublisher in the service, a list in unit tests. */
@FunctionalInterface
public interface EventSink {

    /** Completes when Kafka acknowledged the event. */
    CompletionStage<Void> publish(SluiceEvent event);
}
