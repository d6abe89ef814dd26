package io.sluice.apply.reconcile;

import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.meta.ObjectKey;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The desired state of every Kustomization this replica owns: the last ManifestsRendered received for it. Drift
 * correction, reconcile requests and retries apply it again without a new rendering. Kept in memory and rebuilt
 * after a restart or a rebalance from the compacted topic {@code render.manifests}, which keeps the latest
 * rendering of every app ({@link RenderedPartitions}).
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

    private final Map<ObjectKey, Desired> states = new ConcurrentHashMap<>();

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

    public void forget(ObjectKey app) {
        states.remove(app);
    }

    /** Forgets every app matching {@code which} (their partitions went to another replica). */
    public void forgetAll(Predicate<ObjectKey> which) {
        states.keySet().removeIf(which);
    }
}
