package io.sluice.render.reconcile;

import io.sluice.api.events.SluiceEvent;

import java.util.concurrent.CompletionStage;

/** Where the render handlers' events go: the kit's EventPublisher in the service, a list in tests. */
interface EventSink {
    CompletionStage<Void> publish(SluiceEvent event);
}
