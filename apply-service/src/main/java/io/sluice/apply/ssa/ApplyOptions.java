package io.sluice.apply.ssa;

import java.time.Duration;
import java.util.Objects;

/**
 * How to apply one Kustomization's objects.
 *
 * @param ownerName      the Kustomization's name, written to every object as label {@link #NAME_LABEL}
 * @param ownerNamespace the Kustomization's namespace, written as label {@link #NAMESPACE_LABEL}
 * @param force          Flux's {@code spec.force}: delete and recreate an object whose immutable fields changed
 * @param waitTimeout    how long to wait for the definitions stage (CRDs Established, Namespaces Active); Flux
 *                       uses {@code spec.timeout}
 */
public record ApplyOptions(String ownerName, String ownerNamespace, boolean force, Duration waitTimeout) {

    /** The field manager of every write, as the issue fixes it. */
    public static final String FIELD_MANAGER = "sluice";
    /** Flux's owner labels; {@link Pruner} deletes only objects that still carry both. */
    public static final String NAME_LABEL = "kustomize.toolkit.fluxcd.io/name";
    public static final String NAMESPACE_LABEL = "kustomize.toolkit.fluxcd.io/namespace";
    /** An object annotated {@code kustomize.toolkit.fluxcd.io/prune: disabled} is never pruned. */
    public static final String PRUNE_ANNOTATION = "kustomize.toolkit.fluxcd.io/prune";
    public static final String PRUNE_DISABLED = "disabled";

    public ApplyOptions {
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerNamespace, "ownerNamespace");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
    }

    /** Defaults for a Kustomization: no force, 5 minutes for definitions (Flux's default timeout is the interval). */
    public static ApplyOptions forKustomization(String namespace, String name) {
        return new ApplyOptions(name, namespace, false, Duration.ofMinutes(5));
    }

    public ApplyOptions withForce(boolean force) {
        return new ApplyOptions(ownerName, ownerNamespace, force, waitTimeout);
    }

    public ApplyOptions withWaitTimeout(Duration timeout) {
        return new ApplyOptions(ownerName, ownerNamespace, force, timeout);
    }
}
