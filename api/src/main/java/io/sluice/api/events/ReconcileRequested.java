package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

import java.time.Instant;

/**
 * Someone asked for an object to be reconciled now (Flux's {@code reconcile.fluxcd.io/requestedAt}).
 * Produced by the CLI ({@code sluice reconcile}), the gateway or a dashboard on {@code reconcile.requests};
 * the service that owns the object's kind consumes it and ignores other kinds.
 *
 * @param object      the object to reconcile
 * @param requestedAt when it was asked for; also the value Flux writes to {@code status.lastHandledReconcileAt}
 * @param requestedBy who asked, for the record: {@code sluice-cli}, {@code webhook-gateway}, a user name
 */
public record ReconcileRequested(ObjectKey object, Instant requestedAt, String requestedBy) implements SluiceEvent {

    private static final String NAME = "ReconcileRequested";

    public ReconcileRequested {
        Require.present(object, NAME, "object");
        Require.present(requestedAt, NAME, "requestedAt");
        Require.text(requestedBy, NAME, "requestedBy");
    }

    @Override
    public String subject() {
        return object.subject();
    }

    @Override
    public EventType eventType() {
        return EventType.RECONCILE_REQUESTED;
    }
}
