package io.sluice.apply.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sluice.api.meta.ObjectKey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flux's controller metrics, so Flux's Grafana dashboards read Sluice too:
 * <ul>
 *   <li>{@code gotk_reconcile_duration_seconds{kind,name,namespace}}: a histogram of reconciliation runs;</li>
 *   <li>{@code gotk_reconcile_condition{kind,name,namespace,type,status}}: 1 for the object's current status of
 *       a condition type (True, False, Unknown, or Deleted once the object is gone), 0 for the others.</li>
 * </ul>
 */
public final class ReconcileMetrics {

    /** Micrometer names; Prometheus shows them as {@code gotk_reconcile_duration_seconds} and {@code gotk_reconcile_condition}. */
    public static final String DURATION_METRIC = "gotk.reconcile.duration";
    public static final String CONDITION_METRIC = "gotk.reconcile.condition";
    private static final List<String> STATUSES = List.of("True", "False", "Unknown", "Deleted");

    private final MeterRegistry registry;
    private final Map<List<String>, AtomicInteger> conditions = new ConcurrentHashMap<>();

    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recordDuration(ObjectKey key, Duration took) {
        Timer.builder(DURATION_METRIC)
                .description("The duration in seconds of a GitOps Toolkit resource reconciliation")
                .tags("kind", key.kind(), "name", key.name(), "namespace", key.namespace())
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** Sets the condition {@code type} of the object to {@code status} (True, False, Unknown or Deleted). */
    public void recordCondition(ObjectKey key, String type, String status) {
        for (String candidate : STATUSES) {
            gauge(key, type, candidate).set(candidate.equals(status) ? 1 : 0);
        }
    }

    private AtomicInteger gauge(ObjectKey key, String type, String status) {
        return conditions.computeIfAbsent(List.of(key.subject(), type, status), ignored -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(CONDITION_METRIC, value, AtomicInteger::get)
                    .description("The current condition status of a GitOps Toolkit resource reconciliation")
                    .tags("kind", key.kind(), "name", key.name(), "namespace", key.namespace(), "type", type, "status", status)
                    .register(registry);
            return value;
        });
    }
}
