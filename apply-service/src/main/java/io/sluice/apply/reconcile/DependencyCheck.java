package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;

import java.util.Objects;
import java.util.Optional;

/**
 * Flux's {@code spec.dependsOn} check: every dependency must exist and be Ready=True for its current spec
 * ({@code status.observedGeneration == metadata.generation}) with its last attempted revision applied
 * ({@code lastAppliedRevision == lastAttemptedRevision}). Reads each dependency from the API server (not a
 * cache), so a dependency this replica has just applied is seen Ready at once.
 */
final class DependencyCheck {

    private final KubernetesClient client;

    DependencyCheck(KubernetesClient client) {
        this.client = client;
    }

    /** Empty when all dependencies are ready; otherwise Flux's message for the first one that is not. */
    Optional<String> firstNotReady(KustomizationSettings settings) {
        for (ObjectKey dependency : settings.dependsOn()) {
            Kustomization dep = client.resources(Kustomization.class).inNamespace(dependency.namespace())
                    .withName(dependency.name()).get();
            if (dep == null) {
                return Optional.of("dependency '" + name(dependency) + "' not found");
            }
            if (!ready(dep)) {
                return Optional.of("dependency '" + name(dependency) + "' is not ready");
            }
        }
        return Optional.empty();
    }

    static boolean ready(Kustomization dep) {
        KustomizationStatus status = dep.getStatus();
        if (status == null || status.getConditions() == null || status.getConditions().isEmpty()) {
            return false;
        }
        long generation = dep.getMetadata().getGeneration() == null ? 0 : dep.getMetadata().getGeneration();
        return Objects.equals(status.getObservedGeneration(), generation)
                && Conditions.isTrue(status, ConditionTypes.READY)
                && status.getLastAppliedRevision() != null
                && status.getLastAppliedRevision().equals(status.getLastAttemptedRevision());
    }

    private static String name(ObjectKey key) {
        return key.namespace() + "/" + key.name();
    }
}
