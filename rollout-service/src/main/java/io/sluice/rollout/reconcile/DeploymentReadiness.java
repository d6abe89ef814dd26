package io.sluice.rollout.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * Whether a Deployment has rolled out its current spec: the controller has seen this generation, and every wanted
 * replica is updated and available (kubectl rollout status's test). A Deployment scaled to zero is not ready: it
 * serves nothing.
 */
final class DeploymentReadiness {

    private DeploymentReadiness() {
    }

    static boolean ready(Deployment deployment) {
        if (deployment == null) {
            return false;
        }
        int wanted = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        DeploymentStatus status = deployment.getStatus();
        if (wanted == 0 || status == null || status.getObservedGeneration() == null) {
            return false;
        }
        return status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
                && orZero(status.getUpdatedReplicas()) >= wanted
                && orZero(status.getAvailableReplicas()) >= wanted;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
