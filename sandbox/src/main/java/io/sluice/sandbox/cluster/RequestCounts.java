package io.sluice.sandbox.cluster;

import java.util.Map;

/**
 * How many requests the sandbox API server has answered since it started, by kind of request: a snapshot,
 * for tests that must show that something caused no write (subtract two snapshots).
 *
 * @param byMethod requests per HTTP method ({@code GET}, {@code PATCH}, ...), dry runs not included
 * @param dryRuns  requests with {@code dryRun=All} (they change nothing)
 */
public record RequestCounts(Map<String, Long> byMethod, long dryRuns) {

    public RequestCounts {
        byMethod = Map.copyOf(byMethod);
    }

    /** Requests of one HTTP method, dry runs excluded. */
    public long count(String method) {
        return byMethod.getOrDefault(method, 0L);
    }

    /** Requests that could change the cluster: POST, PUT, PATCH and DELETE without {@code dryRun}. */
    public long writes() {
        return count("POST") + count("PUT") + count("PATCH") + count("DELETE");
    }

    /** Every request, dry runs included. */
    public long total() {
        return byMethod.values().stream().mapToLong(Long::longValue).sum() + dryRuns;
    }
}
