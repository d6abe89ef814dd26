package io.sluice.apply.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.meta.ObjectKey;
import io.sluice.apply.ssa.ApplyOptions;
import io.sluice.apply.ssa.DesiredSet;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The desired state of every Kustomization this replica owns: the last ManifestsRendered received for it. Drift
 * correction, reconcile requests and retries apply it again without a new rendering. Kept in memory and rebuilt
 * after a restart or a rebalance from the compacted topic {@code render.manifests}, which keeps the latest
 * rendering of every app ({@link RenderedPartitions}).
 *
 * <p>Beside each rendering its objects as prepared for applying ({@link DesiredSet}) once a run has built them:
 * drift checks every {@code spec.interval}, retries and reconcile requests of the same rendering reuse them instead
 * of decompressing, parsing and digesting the manifests again. A new rendering of the app replaces both.
 */
public final class DesiredStates {

    /**
     * One desired state.
     *
     * @param rendering the rendering to apply
     * @param restored  true when read back from the topic at start-up or rebalance (not received as new work): it
     *                  was handled before, so when {@code status.lastAppliedRevision} is its revision it counts as
     *                  applied and is only checked for drift
     */
    public record Desired(ManifestsRendered rendering, boolean restored) {
    }

    /** A rendering's prepared objects, and which rendering they were prepared from. */
    private record Prepared(Digest digest, DesiredSet objects) {
    }

    private final Map<ObjectKey, Desired> states = new ConcurrentHashMap<>();
    private final Map<ObjectKey, Prepared> prepared = new ConcurrentHashMap<>();

    /** A rendering received as new work. */
    public void received(ManifestsRendered rendering) {
        states.put(rendering.app(), new Desired(rendering, false));
    }

    /** A rendering read back from the topic. */
    public void restored(ManifestsRendered rendering) {
        states.put(rendering.app(), new Desired(rendering, true));
    }

    public Optional<Desired> get(ObjectKey app) {
        return Optional.ofNullable(states.get(app));
    }

    /**
     * The objects of {@code rendering} prepared for {@code owner}: the set kept from an earlier run of the same
     * rendering, or a new one from {@code prepare} (kept for the next run). Exceptions of {@code prepare} (the
     * manifests do not parse) go to the caller and nothing is kept.
     */
    public DesiredSet objects(ManifestsRendered rendering, ApplyOptions owner, Function<ManifestsRendered, DesiredSet> prepare) {
        Prepared kept = prepared.get(rendering.app());
        if (kept != null && kept.digest().equals(rendering.digest()) && kept.objects().preparedFor(owner)) {
            return kept.objects();
        }
        DesiredSet objects = prepare.apply(rendering);
        prepared.put(rendering.app(), new Prepared(rendering.digest(), objects));
        return objects;
    }

    public void forget(ObjectKey app) {
        states.remove(app);
        prepared.remove(app);
    }

    /** Forgets every app matching {@code which} (their partitions went to another replica). */
    public void forgetAll(Predicate<ObjectKey> which) {
        states.keySet().removeIf(which);
        prepared.keySet().removeIf(which);
    }
}
