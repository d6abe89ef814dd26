package io.sluice.rollout.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.Map;

/** The podinfo Deployment of Flagger's guides: selector app=podinfo, one container on 9898. */
public final class Deployments {

    private Deployments() {
    }

    public static Deployment podinfo(String image) {
        return new DeploymentBuilder()
                .withNewMetadata().withName("podinfo").withNamespace("test").withLabels(Map.of("app", "podinfo")).endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of("app", "podinfo")).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", "podinfo", "tier", "web")).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("podinfod").withImage(image).addNewPort().withContainerPort(9898).endPort().endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
