package io.sluice.rollout.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sluice.api.flagger.Canary;
import io.sluice.rollout.analysis.RolloutAction;
import io.sluice.rollout.scheme.CanaryServices;
import io.sluice.rollout.scheme.PrimaryDeployment;
import io.sluice.rollout.scheme.SchemeNames;
import io.sluice.rollout.scheme.TrafficRoute;

/**
 * Carries a decision's cluster actions out: the scheme's objects by server-side apply (field manager
 * {@value #FIELD_MANAGER}, conflicts forced, as Flagger owns these objects), the target's replicas by a merge patch.
 * {@link RolloutAction.Announce} is not a cluster action; the reconciler publishes it.
 */
final class ClusterActions {

    static final String FIELD_MANAGER = "sluice-rollout";

    private final KubernetesClient client;

    ClusterActions(KubernetesClient client) {
        this.client = client;
    }

    void run(RolloutAction action, Canary canary, Deployment target) {
        // Java 17 has no pattern switch over a sealed interface; the chain covers every RolloutAction.
        if (action instanceof RolloutAction.InitializePrimary) {
            apply(PrimaryDeployment.from(canary, target));
            CanaryServices.build(canary, target).forEach(this::apply);
        } else if (action instanceof RolloutAction.PromoteToPrimary) {
            apply(PrimaryDeployment.from(canary, target));
        } else if (action instanceof RolloutAction.ScaleCanaryUp) {
            scaleTarget(canary, primaryReplicas(canary));
        } else if (action instanceof RolloutAction.ScaleCanaryToZero) {
            scaleTarget(canary, 0);
        } else if (action instanceof RolloutAction.RouteTraffic route) {
            apply(TrafficRoute.build(canary, route.primaryWeight(), route.canaryWeight()));
        }
        // RolloutAction.Announce: published by the reconciler once the status is written
    }

    private void apply(HasMetadata object) {
        client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** The canary runs as many pods as the primary (at least one), so its metrics speak for the same load. */
    private int primaryReplicas(Canary canary) {
        SchemeNames names = SchemeNames.of(canary);
        Deployment primary = client.apps().deployments().inNamespace(names.namespace()).withName(names.primaryDeployment()).get();
        Integer replicas = primary == null ? null : primary.getSpec().getReplicas();
        return replicas == null || replicas < 1 ? 1 : replicas;
    }

    private void scaleTarget(Canary canary, int replicas) {
        SchemeNames names = SchemeNames.of(canary);
        // A merge patch without a resourceVersion: the deployment controller writes the status all the time, and an
        // edit (read, change, write back with the read resourceVersion) would then fail with 409 Conflict.
        client.apps().deployments().inNamespace(names.namespace()).withName(names.target())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
    }
}
