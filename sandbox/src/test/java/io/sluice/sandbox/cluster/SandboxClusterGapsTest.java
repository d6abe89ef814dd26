package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins down what the in-memory API server does NOT do like a real one, claim by claim, as listed in
 * docs/sandbox.md ("What the sandbox API server does not reproduce"). If a change to the sandbox closes
 * one of these gaps, its test fails: update the doc and the test together. (What it does reproduce:
 * {@link ServerSideApplyTest}, {@link SandboxApiBehaviourTest}, {@link SandboxClusterTest}.)
 */
class SandboxClusterGapsTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ConfigMap configMap(String namespace, String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels)
                .endMetadata().withData(data).build();
    }

    @Test
    void noKubeletSoPodsStayPendingAndDeploymentsNeverBecomeAvailable() {
        client.resource(deployment("web")).create();
        Deployment stored = client.apps().deployments().inNamespace("default").withName("web")
                .waitUntilCondition(d -> d.getStatus() != null && d.getStatus().getConditions() != null
                        && d.getStatus().getReplicas() != null, 20, java.util.concurrent.TimeUnit.SECONDS);
        // A real cluster's kubelet would run the pods and the Deployment would become Available.
        assertThat(stored.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Available");
            assertThat(c.getStatus()).isEqualTo("False");
        });
        assertThat(stored.getStatus().getAvailableReplicas()).isNull();
        assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems())
                .hasSize(2).allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Pending"));
    }

    @Test
    void finalizersAreHonoured() {
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("finalized")
                .withFinalizers("sluice.io/finalizer").endMetadata().build()).create();
        client.configMaps().inNamespace("default").withName("finalized").delete();
        ConfigMap terminating = client.configMaps().inNamespace("default").withName("finalized").get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotBlank();

        terminating.getMetadata().setFinalizers(List.of());
        client.resource(terminating).update();
        assertThat(client.configMaps().inNamespace("default").withName("finalized").get()).isNull();
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder().withNewMetadata().withNamespace("default").withName(name).endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
