package io.sluice.image.cluster;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.messaging.EventSink;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the image reconcilers share about each run of an object: the reconcile request it answers
 * ({@code lastHandledReconcileAt}), and on failure the conditions (Ready=False, Stalled when only a spec change
 * helps), an error event only when the message is new (a retry of the same failure is not news), and the backoff:
 * {@code retryMin} doubling per failure up to the object's interval.
 */
public final class Attempts {

    private static final Logger LOG = Logger.getLogger(Attempts.class);

    private final EventSink events;
    private final String controller;
    private final Duration retryMin;
    private final Map<ObjectKey, Integer> failures = new ConcurrentHashMap<>();
    private final Map<ObjectKey, Instant> requests = new ConcurrentHashMap<>();

    public Attempts(EventSink events, String controller, Duration retryMin) {
        this.events = events;
        this.controller = controller;
        this.retryMin = retryMin;
    }

    /** Remembers a reconcile request, so the next run writes its time to {@code status.lastHandledReconcileAt}. */
    public void noteRequest(ObjectKey key, Instant requestedAt) {
        requests.merge(key, requestedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    public void forget(ObjectKey key) {
        failures.remove(key);
        requests.remove(key);
    }

    /** Starts a run on the object's current status: takes the pending request and remembers what Ready said. */
    public Attempt start(ObjectKey key, FluxStatus status) {
        Instant requestedAt = requests.remove(key);
        if (requestedAt != null) {
            status.setLastHandledReconcileAt(DateTimeFormatter.ISO_INSTANT.format(requestedAt));
        }
        String readyBefore = Conditions.get(status, ConditionTypes.READY).map(c -> c.getStatus() + c.getMessage()).orElse("");
        return new Attempt(key, status, readyBefore);
    }

    /** One run of one object. */
    public final class Attempt {
        private final ObjectKey key;
        private final FluxStatus status;
        private final String readyBefore;

        private Attempt(ObjectKey key, FluxStatus status, String readyBefore) {
            this.key = key;
            this.status = status;
            this.readyBefore = readyBefore;
        }

        /** The run worked: the backoff starts over. */
        public void succeeded() {
            failures.remove(key);
        }

        /** Ready=False (and Stalled when {@code stalled}) with the reason and message; an error event when it is news. */
        public void failed(long generation, String reason, String message, boolean stalled) {
            Instant now = Instant.now();
            if (stalled) {
                Conditions.markTrue(status, generation, ConditionTypes.STALLED, reason, message, now);
                status.setObservedGeneration(generation);
            } else {
                Conditions.delete(status, ConditionTypes.STALLED);
            }
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            LOG.warnf("%s: %s", key, message);
            if (!readyBefore.equals(Conditions.FALSE + message)) {
                events.publish(new ObjectEvent(key, Severity.ERROR, reason, message, null, Map.of(), now, controller));
            }
        }

        /** When to try again after a failure: {@code retryMin} × 2^(failures−1), at most {@code interval}. */
        public Duration backoff(Duration interval) {
            int count = failures.merge(key, 1, Integer::sum);
            Duration delay = retryMin.multipliedBy(1L << Math.min(count - 1, 20));
            return delay.compareTo(interval) > 0 ? interval : delay;
        }
    }
}
