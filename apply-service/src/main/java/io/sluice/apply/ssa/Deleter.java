package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;

/**
 * The delete side of applying, as Flux deletes: with background propagation (the object goes at once, its dependents
 * after it, through the garbage collector). Used by {@link Pruner} for what left Git, and by {@link StagedApplier}
 * for {@code spec.force}: an object whose immutable fields changed is deleted, awaited until gone, and applied again.
 */
final class Deleter {

    /** How long a recreate waits for the deleted object to be gone (finalizers, the garbage collector). */
    static final Duration GONE_WITHIN = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KubernetesClient client;

    Deleter(KubernetesClient client) {
        this.client = client;
    }

    /** The live object, or null when it does not exist. */
    GenericKubernetesResource live(ObjectRef ref) {
        return Resources.live(client, ref);
    }

    /** Deletes the object, its dependents in the background. */
    void delete(ObjectRef ref) {
        Resources.of(client, ref).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    /**
     * {@code spec.force}: deletes the object, waits until it is gone, and applies it again with field manager
     * {@link ApplyOptions#FIELD_MANAGER}. Rare, so done with the client's DSL.
     *
     * @throws KubernetesClientException the delete or the apply was refused, or the object was still there after
     *                                   {@link #GONE_WITHIN} (a finalizer holds it)
     */
    void recreate(DesiredObject desired) {
        ObjectRef ref = desired.ref();
        delete(ref);
        long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
        while (live(ref) != null) {
            if (System.nanoTime() > deadline) {
                throw new KubernetesClientException("deleted to recreate it (spec.force) but still present after "
                        + GONE_WITHIN.toSeconds() + "s (a finalizer holds it?); remove the finalizer or the object by hand");
            }
            Resources.pause(POLL, ref.objectName() + " to be gone");
        }
        client.resource(Manifests.object(desired.tree())).fieldManager(ApplyOptions.FIELD_MANAGER).forceConflicts().serverSideApply();
    }
}
