package io.sluice.apply.reconcile;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.NamespacedObjectKindReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.apply.ssa.ApplyOptions;
import io.sluice.apply.ssa.ObjectRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What apply-service reads from a Kustomization's spec, parsed and defaulted as Flux does: {@code interval}
 * (default: the service's default interval), {@code retryInterval} and {@code timeout} (both default to the
 * interval), {@code prune}, {@code wait}, {@code force}, {@code suspend}, {@code serviceAccountName},
 * {@code dependsOn} (a reference without namespace means the Kustomization's), {@code healthChecks} (same rule)
 * and {@code deletionPolicy}.
 */
public record KustomizationSettings(ObjectKey key, long generation, Duration interval, Duration retryInterval,
                                    Duration timeout, boolean prune, boolean waitForAll, boolean force, boolean suspend,
                                    String serviceAccountName, List<ObjectKey> dependsOn, List<ObjectRef> healthChecks,
                                    DeletionPolicy deletionPolicy) {

    /** Flux's {@code spec.deletionPolicy}: what happens to the applied objects when the Kustomization is deleted. */
    public enum DeletionPolicy {
        /** Flux's default: delete them when {@code spec.prune} is true. */
        MIRROR_PRUNE,
        /** Delete them whatever {@code spec.prune} says. */
        DELETE,
        /** Leave them in the cluster. */
        ORPHAN;

        static DeletionPolicy parse(String text, ObjectKey key) {
            if (text == null || text.isBlank() || text.equals("MirrorPrune")) {
                return MIRROR_PRUNE;
            }
            // WaitForTermination deletes too; this service does not wait for the objects to go (no finalizer)
            if (text.equals("Delete") || text.equals("WaitForTermination")) {
                return DELETE;
            }
            if (text.equals("Orphan")) {
                return ORPHAN;
            }
            throw new InvalidSpecException(key + " spec.deletionPolicy is '" + text
                    + "'; use MirrorPrune, Delete, WaitForTermination or Orphan");
        }
    }

    /** A spec that retrying cannot fix: the Kustomization is Stalled until its spec changes. */
    public static final class InvalidSpecException extends RuntimeException {
        public InvalidSpecException(String message) {
            super(message);
        }
    }

    public KustomizationSettings {
        dependsOn = List.copyOf(dependsOn);
        healthChecks = List.copyOf(healthChecks);
    }

    /** Reads the spec; throws {@link InvalidSpecException} naming the field when a duration or policy is invalid. */
    public static KustomizationSettings of(Kustomization ks, Duration defaultInterval) {
        ObjectKey key = ObjectKey.of(Kustomization.KIND, ks.getMetadata().getNamespace(), ks.getMetadata().getName());
        KustomizationSpec spec = ks.getSpec() == null ? new KustomizationSpec() : ks.getSpec();
        long generation = ks.getMetadata().getGeneration() == null ? 0 : ks.getMetadata().getGeneration();
        Duration interval = duration(spec.getInterval(), key, "spec.interval", defaultInterval);
        Duration retryInterval = duration(spec.getRetryInterval(), key, "spec.retryInterval", interval);
        Duration timeout = duration(spec.getTimeout(), key, "spec.timeout", interval);
        return new KustomizationSettings(key, generation, interval, retryInterval, timeout,
                Boolean.TRUE.equals(spec.getPrune()), Boolean.TRUE.equals(spec.getWait()), Boolean.TRUE.equals(spec.getForce()),
                Boolean.TRUE.equals(spec.getSuspend()), blankToNull(spec.getServiceAccountName()),
                dependencies(spec, key), healthChecks(spec, key), DeletionPolicy.parse(spec.getDeletionPolicy(), key));
    }

    /** Owner labels and force for the applier. */
    public ApplyOptions applyOptions() {
        return ApplyOptions.forKustomization(key.namespace(), key.name()).withForce(force).withWaitTimeout(timeout);
    }

    /** True when the objects are health-checked after the apply ({@code spec.wait} or {@code spec.healthChecks}). */
    public boolean checksHealth() {
        return waitForAll || !healthChecks.isEmpty();
    }

    /** Whether deleting the Kustomization deletes what it applied. */
    public boolean deletesObjectsOnDeletion() {
        return deletionPolicy == DeletionPolicy.DELETE || (deletionPolicy == DeletionPolicy.MIRROR_PRUNE && prune);
    }

    /** The user apply-service impersonates: {@code system:serviceaccount:<namespace>:<name>}, or null for its own identity. */
    public String impersonatedUser() {
        return serviceAccountName == null ? null : "system:serviceaccount:" + key.namespace() + ":" + serviceAccountName;
    }

    /** A duration as Go prints it (Flux's messages): {@code 7s}, {@code 1m0s}, {@code 1h0m0s}, {@code 500ms}. */
    public static String goDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String seconds = duration.toMillisPart() == 0 ? Long.toString(duration.toSecondsPart())
                : String.format(Locale.ROOT, "%.3f", duration.toSecondsPart() + duration.toMillisPart() / 1000.0).replaceAll("0+$", "");
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds + "s";
        }
        return minutes > 0 ? minutes + "m" + seconds + "s" : seconds + "s";
    }

    private static Duration duration(String text, ObjectKey key, String field, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = FluxDuration.parse(text, key + " " + field);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
        if (parsed.isZero() || parsed.isNegative()) {
            throw new InvalidSpecException(String.format(Locale.ROOT, "%s %s is '%s'; it must be a positive Go duration such as 30s or 5m",
                    key, field, text));
        }
        return parsed;
    }

    private static List<ObjectKey> dependencies(KustomizationSpec spec, ObjectKey key) {
        List<ObjectKey> deps = new ArrayList<>();
        if (spec.getDependsOn() != null) {
            for (DependencyReference ref : spec.getDependsOn()) {
                if (ref.getName() == null || ref.getName().isBlank()) {
                    throw new InvalidSpecException(key + " spec.dependsOn has an entry without a name");
                }
                String namespace = ref.getNamespace() == null || ref.getNamespace().isBlank() ? key.namespace() : ref.getNamespace();
                deps.add(ObjectKey.of(Kustomization.KIND, namespace, ref.getName()));
            }
        }
        return deps;
    }

    private static List<ObjectRef> healthChecks(KustomizationSpec spec, ObjectKey key) {
        List<ObjectRef> refs = new ArrayList<>();
        if (spec.getHealthChecks() != null) {
            for (NamespacedObjectKindReference check : spec.getHealthChecks()) {
                String namespace = check.getNamespace() == null ? key.namespace() : check.getNamespace();
                refs.add(new ObjectRef(check.getApiVersion(), check.getKind(), namespace, check.getName()));
            }
        }
        return refs;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
