package io.sluice.apply.ssa;

import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;

import java.util.List;

/**
 * Drift: what a re-apply of an already applied revision had to restore. Without a new revision the
 * desired state is the same as last time, so any object the apply had to write was changed (or
 * deleted) by someone else: {@code configured} = changed by hand, {@code created} = deleted by hand.
 * Both were restored by the apply that produced the change set.
 *
 * @param drifted the restored objects, in apply order
 */
public record Drift(List<ChangeSetEntry> drifted) {

    public Drift {
        drifted = List.copyOf(drifted);
    }

    /** The drift shown by the change set of a re-apply of the same revision. */
    public static Drift of(ChangeSet reapply) {
        return new Drift(reapply.entries().stream()
                .filter(entry -> entry.action() == ChangeAction.CONFIGURED || entry.action() == ChangeAction.CREATED)
                .toList());
    }

    public boolean detected() {
        return !drifted.isEmpty();
    }

    /** For the event: {@code drift corrected on 2 objects: ConfigMap/apps/settings configured, Deployment/apps/web created}. */
    public String message() {
        if (drifted.isEmpty()) {
            return "no drift";
        }
        return "drift corrected on " + drifted.size() + (drifted.size() == 1 ? " object: " : " objects: ")
                + String.join(", ", drifted.stream().map(e -> e.objectName() + " " + e.action().json()).toList());
    }
}
