package io.sluice.kit.reconcile;

import io.sluice.api.meta.ObjectKey;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last reconcile request taken for each object, so that one request starts one run whatever the number of
 * triggers that carry it: {@code sluice reconcile} (like a dashboard or a gateway) publishes a
 * {@code ReconcileRequested} and sets the {@code reconcile.fluxcd.io/requestedAt} annotation to the same time, and
 * both reach the service that owns the object's kind. A request is identified by its requestedAt value, compared as
 * an instant when both values are timestamps (one trigger may write {@code 2026-01-01T10:00:00.120Z}, the other
 * {@code ...00.12Z}), else as text ({@code flux reconcile} writes any string into the annotation).
 */
public final class RequestsTaken {

    private final Map<ObjectKey, String> last = new ConcurrentHashMap<>();

    /** True when {@code requestedAt} is a request not taken yet for {@code key} (and takes it); false for the same one again. */
    public boolean take(ObjectKey key, String requestedAt) {
        boolean[] taken = {false};
        last.compute(key, (k, before) -> {
            taken[0] = before == null || !sameRequest(before, requestedAt);
            return requestedAt;
        });
        return taken[0];
    }

    public void forget(ObjectKey key) {
        last.remove(key);
    }

    /** Whether two requestedAt values are the same request: the same instant, or the same text when either is none. */
    static boolean sameRequest(String a, String b) {
        try {
            return Instant.parse(a).equals(Instant.parse(b));
        } catch (DateTimeParseException e) {
            return Objects.equals(a, b);
        }
    }
}
