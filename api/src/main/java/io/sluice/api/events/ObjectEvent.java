package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

import java.time.Instant;
import java.util.Map;

/**
 * Something worth telling people happened to an API object: Flux's event shape (as the notification
 * controller receives it). Every service produces these on {@code events}; alert-service matches them
 * against Alerts and sends notifications.
 *
 * @param involvedObject      the object the event is about
 * @param severity            info or error
 * @param reason              a short UpperCamelCase reason, as Flux uses: {@code ReconciliationSucceeded},
 *                            {@code ArtifactFailed}, {@code HealthCheckFailed}, …
 * @param message             what happened, for people
 * @param revision            the revision involved; may be null
 * @param metadata            extra key/value pairs (Flux puts e.g. {@code summary} or {@code commit_status}
 *                            here); never null
 * @param timestamp           when it happened
 * @param reportingController the service that reported it, e.g. {@code apply-service}
 */
public record ObjectEvent(ObjectKey involvedObject, Severity severity, String reason, String message,
                          String revision, Map<String, String> metadata, Instant timestamp,
                          String reportingController) implements SluiceEvent {

    private static final String NAME = "ObjectEvent";

    public ObjectEvent {
        Require.present(involvedObject, NAME, "involvedObject");
        Require.present(severity, NAME, "severity");
        Require.text(reason, NAME, "reason");
        Require.text(message, NAME, "message");
        revision = Require.optionalText(revision);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        Require.present(timestamp, NAME, "timestamp");
        Require.text(reportingController, NAME, "reportingController");
    }

    @Override
    public String subject() {
        return involvedObject.subject();
    }

    @Override
    public EventType eventType() {
        return EventType.OBJECT_EVENT;
    }
}
