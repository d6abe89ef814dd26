package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.Health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One revision of one Kustomization from rendered objects to the cluster, in Flux's sequence: staged
 * apply, new inventory, prune (with {@code spec.prune}), health (with {@code spec.wait} or
 * {@code spec.healthChecks}), and drift when the revision is the one applied last time. This is what
 * the Kafka wiring calls; it writes no status and publishes nothing itself.
 */
public final class RevisionApplier {

    private final StagedApplier applier;
    private final Pruner pruner;
    private final HealthWaiter waiter;
    private final Duration healthInterval;

    public RevisionApplier(KubernetesClient client) {
        this(client, HealthWaiter.DEFAULT_INTERVAL);
    }

    /** With another health polling interval (tests). */
    public RevisionApplier(KubernetesClient client, Duration healthInterval) {
        this.applier = new StagedApplier(client);
        this.pruner = new Pruner(client);
        this.waiter = new HealthWaiter(client);
        this.healthInterval = healthInterval;
    }

    /**
     * What to apply.
     *
     * @param objects             the rendered objects, prepared for the Kustomization in {@code options}
     * @param revision            the source revision being applied ({@code main@sha1:...})
     * @param lastAppliedRevision {@code status.lastAppliedRevision}; null when never applied
     * @param lastInventory       {@code status.inventory} as an {@link Inventory}
     * @param prune               {@code spec.prune}
     * @param waitForAll          {@code spec.wait}: wait for every applied object
     * @param healthChecks        {@code spec.healthChecks}: more objects to wait for (may be empty)
     * @param timeout             {@code spec.timeout} (defaults to the interval in Flux): health wait and definitions
     * @param options             owner labels and force; its wait timeout is replaced by {@code timeout}
     */
    public record Request(DesiredSet objects, String revision, String lastAppliedRevision,
                          Inventory lastInventory, boolean prune, boolean waitForAll, List<ObjectRef> healthChecks,
                          Duration timeout, ApplyOptions options) {
        public Request {
            Objects.requireNonNull(objects, "objects");
            Objects.requireNonNull(revision, "revision");
            lastInventory = lastInventory == null ? Inventory.empty() : lastInventory;
            healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(options, "options");
        }

        /** From objects not prepared yet (tests, one-off applies). */
        public Request(List<GenericKubernetesResource> objects, String revision, String lastAppliedRevision,
                       Inventory lastInventory, boolean prune, boolean waitForAll, List<ObjectRef> healthChecks,
                       Duration timeout, ApplyOptions options) {
            this(DesiredSet.of(objects, options), revision, lastAppliedRevision, lastInventory, prune, waitForAll,
                    healthChecks, timeout, options);
        }
    }

    /**
     * What happened.
     *
     * @param changeSet applied objects in apply order, then pruned ones ({@code deleted}/{@code skipped})
     * @param inventory the new {@code status.inventory}
     * @param health    for ApplyCompleted; {@code not-checked} without wait and health checks
     * @param unhealthy the objects not healthy at the end, with reasons (empty when healthy or not checked)
     * @param drift     what a re-apply of the last applied revision restored; empty for a new revision
     */
    public record Result(ChangeSet changeSet, Inventory inventory, Health health, List<HealthCheck.Result> unhealthy, Drift drift) {
        public boolean healthy() {
            return health.status() != Health.Status.UNHEALTHY;
        }
    }

    /**
     * Applies, prunes, waits. Throws {@link ApplyException} when validation or an apply fails (nothing pruned then),
     * or when objects that left Git could not be deleted (phase PRUNE; its inventory keeps them, so the next run
     * tries again, as Flux does).
     */
    public Result apply(Request request) {
        ApplyOptions options = request.options().withWaitTimeout(request.timeout());
        ChangeSet applied = applier.apply(request.objects(), options);
        Inventory inventory = Inventory.of(applied.applied());
        ChangeSet pruned = request.prune() ? prune(request.lastInventory(), inventory, applied, options) : ChangeSet.empty();
        Drift drift = request.revision().equals(request.lastAppliedRevision()) ? Drift.of(applied) : new Drift(List.of());

        LinkedHashSet<ObjectRef> toCheck = new LinkedHashSet<>(request.waitForAll() ? inventory.objects() : List.of());
        toCheck.addAll(request.healthChecks());
        if (toCheck.isEmpty()) {
            return new Result(applied.plus(pruned), inventory, Health.notChecked(), List.of(), drift);
        }
        HealthWaiter.Report report = waiter.waitFor(new ArrayList<>(toCheck), request.timeout(), healthInterval);
        Health health = report.healthy()
                ? Health.healthy(toCheck.size() + (toCheck.size() == 1 ? " object is" : " objects are") + " healthy")
                : Health.unhealthy(report.message());
        return new Result(applied.plus(pruned), inventory, health, report.unhealthy(), drift);
    }

    private ChangeSet prune(Inventory last, Inventory next, ChangeSet applied, ApplyOptions options) {
        try {
            return pruner.prune(last, next, options);
        } catch (ApplyException e) {
            List<ObjectRef> kept = new ArrayList<>(next.objects());
            e.failures().forEach(failure -> kept.add(failure.object()));
            throw new ApplyException(e.phase(), e.failures(), applied.plus(e.changeSet()), Inventory.of(kept));
        }
    }
}
