package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An apply of one application's manifests finished. Produced by apply-service on {@code apply.result};
 * alert-service and dashboards consume it. Failures to apply are reported as {@link ObjectEvent}s with
 * severity error; this event says what was changed and how healthy the result is.
 *
 * @param app       the application object, e.g. {@code Kustomization/flux-system/podinfo}
 * @param revision  the source revision that was applied, e.g. {@code main@sha1:<sha>}
 * @param changeSet one entry per object: created, configured, unchanged, deleted (pruned) or skipped
 * @param health    the health verdict after the apply
 * @param duration  how long the apply (and the health wait) took
 * @param pushReceivedAt when webhook-gateway received the Git push that led to this apply (carried through
 *                  ArtifactReady and ManifestsRendered); null when not started by a push
 */
public record ApplyCompleted(ObjectKey app, String revision, List<ChangeSetEntry> changeSet, Health health,
                             Duration duration, Instant pushReceivedAt) implements SluiceEvent {

    private static final String NAME = "ApplyCompleted";

    public ApplyCompleted {
        Require.present(app, NAME, "app");
        Require.text(revision, NAME, "revision");
        changeSet = List.copyOf(Require.present(changeSet, NAME, "changeSet"));
        Require.present(health, NAME, "health");
        Require.present(duration, NAME, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(NAME + ".duration must not be negative, got " + duration);
        }
    }

    /** An apply not caused by a push (polling, interval, drift correction, reconcile request). */
    public ApplyCompleted(ObjectKey app, String revision, List<ChangeSetEntry> changeSet, Health health, Duration duration) {
        this(app, revision, changeSet, health, duration, null);
    }

    @Override
    public String subject() {
        return app.subject();
    }

    @Override
    public EventType eventType() {
        return EventType.APPLY_COMPLETED;
    }

    /** The entries with one action, e.g. everything that was {@link ChangeAction#CREATED created}. */
    public List<ChangeSetEntry> entries(ChangeAction action) {
        return changeSet.stream().filter(e -> e.action() == action).toList();
    }

    /** True when the apply changed something in the cluster (not everything unchanged or skipped). */
    public boolean changedAnything() {
        return changeSet.stream().anyMatch(e -> e.action() != ChangeAction.UNCHANGED && e.action() != ChangeAction.SKIPPED);
    }
}
