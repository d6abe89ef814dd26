package io.sluice.alert.dedupe;

import io.sluice.alert.provider.Notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps alert storms away from people, per Provider (the same event still reaches every Provider once):
 * <ul>
 *   <li>the same event ({@link EventKey}) is sent once per {@code window} (default 5 minutes, measured
 *       from the send); after the window it is sent again, as a reminder that it still happens;</li>
 *   <li>at most {@code ratePerPeriod} notifications per {@code ratePeriod} per Provider (token bucket,
 *       default 10 a minute, bursts up to 10); a notification over the limit is dropped, not queued, and
 *       not remembered as sent, so the same event gets through once the bucket refills.</li>
 * </ul>
 * All time comes from the injected {@link Clock}. Thread-safe.
 */
public final class StormGuard {

    /**
     * @param window        how long the same event is not sent again
     * @param ratePerPeriod how many notifications one Provider may send per {@code ratePeriod}
     * @param ratePeriod    the rate limit's period
     */
    public record Settings(Duration window, int ratePerPeriod, Duration ratePeriod) {
        public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(5), 10, Duration.ofMinutes(1));

        public Settings {
            if (window == null || window.isNegative()) {
                throw new IllegalArgumentException("storm guard window must be zero or positive, got " + window);
            }
            if (ratePerPeriod < 1) {
                throw new IllegalArgumentException("storm guard rate must allow at least 1 notification per period, got " + ratePerPeriod);
            }
            if (ratePeriod == null || ratePeriod.isZero() || ratePeriod.isNegative()) {
                throw new IllegalArgumentException("storm guard rate period must be positive, got " + ratePeriod);
            }
        }
    }

    /** What to do with a notification. */
    public sealed interface Decision {
        /** Send it; it is now remembered as sent. */
        record Send(Notification notification) implements Decision {
        }

        /** Drop it: the same event went to this Provider at {@code sentAt}, within the window. */
        record Duplicate(Instant sentAt) implements Decision {
        }

        /** Drop it: the Provider is over its rate limit. */
        record RateLimited(String provider) implements Decision {
        }
    }

    private record SentKey(String provider, EventKey event) {
    }

    private final Clock clock;
    private final Settings settings;
    // insertion order = send order (re-sends are removed and re-added), so expired entries are at the head
    private final LinkedHashMap<SentKey, Instant> sent = new LinkedHashMap<>();
    private final Map<String, TokenBucket> buckets = new HashMap<>();

    public StormGuard(Clock clock, Settings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Decides whether {@code notification} goes to {@code provider} now.
     *
     * @param provider the Provider, e.g. {@code Provider/flux-system/slack} (its subject)
     */
    public synchronized Decision admit(String provider, Notification notification) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(settings.window()));
        SentKey key = new SentKey(provider, EventKey.of(notification));
        Instant sentAt = sent.get(key);
        if (sentAt != null) {
            return new Decision.Duplicate(sentAt);
        }
        TokenBucket bucket = buckets.computeIfAbsent(provider,
                p -> new TokenBucket(clock, settings.ratePerPeriod(), settings.ratePeriod()));
        if (!bucket.tryTake()) {
            return new Decision.RateLimited(provider);
        }
        sent.put(key, now);
        return new Decision.Send(notification);
    }

    /** How many sent events are remembered (for tests and a gauge). */
    public synchronized int remembered() {
        return sent.size();
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Instant> times = sent.values().iterator();
        while (times.hasNext()) {
            if (times.next().isAfter(cutoff)) {
                return;
            }
            times.remove();
        }
    }
}
