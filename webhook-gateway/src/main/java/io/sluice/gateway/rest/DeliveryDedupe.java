package io.sluice.gateway.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the deliveries already accepted, so a sender's redelivery (same delivery id) publishes nothing twice.
 * Bounded both ways: at most {@code maxEntries} ids (the oldest is forgotten first) and each for {@code ttl}.
 * In memory, per replica: a redelivery that reaches another replica is published again, which the consumers
 * tolerate (every stage is idempotent); this cache only spares them the work.
 */
public final class DeliveryDedupe {

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> accepted = new LinkedHashMap<>();

    public DeliveryDedupe(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("sluice.gateway.dedupe.max-entries must be at least 1, got " + maxEntries);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("sluice.gateway.dedupe.ttl must be positive, got " + ttl);
        }
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Records {@code key} as accepted; returns false when it already was, within the ttl (a redelivery).
     */
    public synchronized boolean claim(String key) {
        Instant now = clock.instant();
        expire(now);
        if (accepted.containsKey(key)) {
            return false;
        }
        accepted.put(key, now);
        if (accepted.size() > maxEntries) {
            Iterator<String> oldest = accepted.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Forgets {@code key}, so a redelivery is processed: used when publishing its events failed. */
    public synchronized void release(String key) {
        accepted.remove(key);
    }

    public synchronized int size() {
        expire(clock.instant());
        return accepted.size();
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(ttl);
        // Insertion order is claim order, so expired entries are at the front.
        Iterator<Map.Entry<String, Instant>> entries = accepted.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().isAfter(cutoff)) {
            entries.remove();
        }
    }
}
