package io.sluice.alert.dedupe;

import io.sluice.alert.provider.Notification;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notices when an object that raised an error works again, and produces one "recovered"
 * notification for it.
 *
 * <p>An object is failing from its first error event. It has recovered at the first later info event
 * whose reason means "it works now":
 * <ul>
 *   <li>any reason ending in {@code Succeeded} ({@code ReconciliationSucceeded}, {@code Succeeded},
 *       {@code InstallSucceeded}, {@code UpgradeSucceeded}, {@code TestSucceeded},
 *       {@code GitOperationSucceeded}, ...) except {@code RollbackSucceeded} and
 *       {@code UninstallSucceeded}: a successful rollback or uninstall means the release is not
 *       what was asked for, so it is not a recovery;</li>
 *   <li>{@code NewRevision} and {@code ArtifactUpToDate} (a source produced its artifact again).</li>
 * </ul>
 * {@code Progressing} and {@code ProgressingWithRetry} are not: they say work started, not that it
 * worked. The recovered notification is the success event with reason {@code Recovered}, a message
 * naming what failed, and metadata {@code recoveredFrom}; later successes produce nothing until the
 * object fails again. Thread-safe.
 */
public final class RecoveryTracker {

    public static final String RECOVERED = "Recovered";

    private static final Set<String> NOT_RECOVERY = Set.of("RollbackSucceeded", "UninstallSucceeded");
    private static final Set<String> ALSO_RECOVERY = Set.of("NewRevision", "ArtifactUpToDate");

    /** failing object → the reason of its first error since it last worked */
    private final Map<ObjectKey, String> failing = new HashMap<>();

    /**
     * Records the notification and returns the "recovered" notification when this one ends a failure.
     * Call it once per event (not per Alert), before filtering by severity.
     */
    public synchronized Optional<Notification> observe(Notification notification) {
        ObjectKey object = notification.object();
        if (notification.severity() == Severity.ERROR) {
            failing.putIfAbsent(object, notification.reason());
            return Optional.empty();
        }
        if (!isRecovery(notification.reason()) || !failing.containsKey(object)) {
            return Optional.empty();
        }
        String failedWith = failing.remove(object);
        return Optional.of(new Notification(object, Severity.INFO, RECOVERED,
                object.subject() + " recovered after " + failedWith + ": " + notification.message(),
                notification.revision(), withRecoveredFrom(notification.metadata(), failedWith), notification.summary(),
                notification.commitUrl(), notification.timestamp(), notification.reportingController()));
    }

    /** Whether the object has raised an error and not recovered yet. */
    public synchronized boolean isFailing(ObjectKey object) {
        return failing.containsKey(object);
    }

    /** Forgets an object (it was deleted), so a later object of the same name starts healthy. */
    public synchronized void forget(ObjectKey object) {
        failing.remove(object);
    }

    static boolean isRecovery(String reason) {
        return ALSO_RECOVERY.contains(reason) || reason.endsWith("Succeeded") && !NOT_RECOVERY.contains(reason);
    }

    private static Map<String, String> withRecoveredFrom(Map<String, String> metadata, String failedWith) {
        Map<String, String> result = new HashMap<>(metadata);
        result.put("recoveredFrom", failedWith);
        return result;
    }
}
