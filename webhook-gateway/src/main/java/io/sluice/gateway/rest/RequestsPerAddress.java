package io.sluice.gateway.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests in progress per client address, with a limit. Thread-safe: the HTTP server's event loops call it at
 * the same time. An address is forgotten when its last request ends, so the map holds only active clients.
 */
final class RequestsPerAddress {

    /** What {@link #tryAcquire} decided. */
    enum Admission {
        /** Under the limit: the request goes on and must be {@link #release released} when it ends. */
        ADMITTED,
        /** At the limit, and the first refusal since the address was last under it: worth a log line. */
        REFUSED_FIRST,
        /** At the limit, refused before: counted, not logged again. */
        REFUSED
    }

    private record Usage(int inProgress, boolean refused) {
    }

    private final int limit;
    private final Map<String, Usage> byAddress = new ConcurrentHashMap<>();

    RequestsPerAddress(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("sluice.gateway.connections.max-per-address must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    Admission tryAcquire(String address) {
        Admission[] decision = new Admission[1];
        byAddress.compute(address, (key, usage) -> {
            Usage current = usage == null ? new Usage(0, false) : usage;
            if (current.inProgress() < limit) {
                decision[0] = Admission.ADMITTED;
                return new Usage(current.inProgress() + 1, current.refused());
            }
            decision[0] = current.refused() ? Admission.REFUSED : Admission.REFUSED_FIRST;
            return new Usage(current.inProgress(), true);
        });
        return decision[0];
    }

    /** One admitted request of {@code address} ended; below the limit again, its next refusal is logged again. */
    void release(String address) {
        byAddress.computeIfPresent(address, (key, usage) -> usage.inProgress() <= 1 ? null : new Usage(usage.inProgress() - 1, false));
    }

    /** Requests of {@code address} in progress now. */
    int inProgress(String address) {
        Usage usage = byAddress.get(address);
        return usage == null ? 0 : usage.inProgress();
    }
}
