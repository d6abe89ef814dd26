package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls objects until all are healthy ({@link HealthCheck}), one fails, or the timeout passes
 * (Flux's {@code spec.wait}/{@code spec.healthChecks} with {@code spec.timeout}).
 */
public final class HealthWaiter {

    /** Flux polls every 2 s; tests pass a shorter interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final KubernetesClient client;

    public HealthWaiter(KubernetesClient client) {
        this.client = client;
    }

    /**
     * The outcome of a wait.
     *
     * @param unhealthy the objects not healthy at the end, each with its reason; empty when healthy
     * @param timedOut  true when the wait ended because the timeout passed
     */
    public record Report(List<HealthCheck.Result> unhealthy, boolean timedOut) {

        public Report {
            unhealthy = List.copyOf(unhealthy);
        }

        public boolean healthy() {
            return unhealthy.isEmpty();
        }

        /** For the Ready condition and the event: {@code timeout waiting for: [Deployment apps/podinfo: 0/2 replicas available]}. */
        public String message() {
            if (healthy()) {
                return "all objects are healthy";
            }
            String list = String.join("; ", unhealthy.stream().map(HealthCheck.Result::message).toList());
            return (timedOut ? "timeout waiting for: [" : "health check failed: [") + list + "]";
        }
    }

    public Report waitFor(List<ObjectRef> objects, Duration timeout) {
        return waitFor(objects, timeout, DEFAULT_INTERVAL);
    }

    public Report waitFor(List<ObjectRef> objects, Duration timeout, Duration interval) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<HealthCheck.Result> unhealthy = new ArrayList<>();
            boolean failed = false;
            for (ObjectRef ref : objects) {
                HealthCheck.Result result = check(ref);
                if (!result.healthy()) {
                    unhealthy.add(result);
                    failed |= result.status() == HealthCheck.Status.FAILED;
                }
            }
            if (unhealthy.isEmpty() || failed) {
                return new Report(failed ? unhealthy.stream().filter(r -> r.status() == HealthCheck.Status.FAILED).toList() : unhealthy, false);
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return new Report(unhealthy, true);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Report(unhealthy, true);
            }
        }
    }

    /** One object now; a read error counts as in progress, with the server's message. */
    public HealthCheck.Result check(ObjectRef ref) {
        try {
            GenericKubernetesResource live = Resources.live(client, ref);
            return live == null ? HealthCheck.missing(ref) : HealthCheck.evaluate(live);
        } catch (KubernetesClientException e) {
            return new HealthCheck.Result(ref, HealthCheck.Status.IN_PROGRESS,
                    HealthCheck.label(ref) + ": cannot read it: " + ServerErrors.message(e));
        }
    }
}
