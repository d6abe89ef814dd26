package io.sluice.source.reconcile;

import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.messaging.EventSink;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What every source reconciler publishes, the same way for each kind: a new artifact ({@code ArtifactReady} on
 * {@code sluice.source.artifact}, waited for until Kafka has it, then an info {@code ObjectEvent}), and a failure (an
 * error {@code ObjectEvent}, only when it is news).
 */
final class SourceEvents {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final EventSink events;
    private final String controller;

    /**
     * @param events     where ArtifactReady and ObjectEvents go; a stage that fails is a failed publish
     * @param controller the {@code reportingController} of the events (the service's name)
     */
    SourceEvents(EventSink events, String controller) {
        this.events = events;
        this.controller = controller;
    }

    /**
     * ArtifactReady (waited for), then an info ObjectEvent with {@code reason} and {@code message} and Flux's revision
     * and digest metadata.
     *
     * @param pushReceivedAt the push this artifact answers, or null
     * @throws PublishFailedException when Kafka did not take ArtifactReady: the caller writes no status, so the next
     *                                try announces again
     */
    void announce(ObjectKey key, Artifact artifact, Instant pushReceivedAt, String reason, String message) throws PublishFailedException {
        ArtifactReady ready = new ArtifactReady(key, artifact.getRevision(), URI.create(artifact.getUrl()),
                Digest.parse(artifact.getDigest()), artifact.getSize(), pushReceivedAt);
        ObjectEvent event = new ObjectEvent(key, Severity.INFO, reason, message, artifact.getRevision(),
                Map.of("source.toolkit.fluxcd.io/revision", artifact.getRevision(), "source.toolkit.fluxcd.io/digest", artifact.getDigest()),
                Instant.now(), controller);
        try {
            events.publish(ready).toCompletableFuture().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            events.publish(event);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PublishFailedException("could not publish ArtifactReady for revision '" + artifact.getRevision() + "' to Kafka: " + e.getMessage());
        }
    }

    /** An error ObjectEvent, unless Ready already said exactly this (a retry of the same failure is not news). */
    void failure(ObjectKey key, FluxStatus before, String reason, String message, Artifact previous) {
        boolean sameAsBefore = Conditions.get(before, ConditionTypes.READY)
                .map(c -> Conditions.FALSE.equals(c.getStatus()) && message.equals(c.getMessage()))
                .orElse(false);
        if (sameAsBefore) {
            return;
        }
        events.publish(new ObjectEvent(key, Severity.ERROR, reason, message, previous == null ? null : previous.getRevision(),
                Map.of(), Instant.now(), controller));
    }

    /** Kafka did not take ArtifactReady: the status is not written, so the next try publishes again. */
    static final class PublishFailedException extends Exception {
        PublishFailedException(String message) {
            super(message);
        }
    }
}
