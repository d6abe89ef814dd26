package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
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
    void noValidationOrDefaultingOrAdmission() {
        // A GitRepository whose interval is a number and which has no url: a real server rejects it (422).
        GenericKubernetesResource invalid = new GenericKubernetesResourceBuilder()
                .withApiVersion("source.toolkit.fluxcd.io/v1").withKind("GitRepository")
                .withNewMetadata().withNamespace("default").withName("invalid").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("interval", 42, "notAField", true))).build();
        assertThat(client.resource(invalid).create().getMetadata().getUid()).isNotBlank();

        // No defaulting: a real server fills in spec.strategy (RollingUpdate) and more.
        Deployment created = client.resource(deployment("defaults")).create();
        assertThat(created.getSpec().getStrategy()).isNull();
        assertThat(created.getSpec().getRevisionHistoryLimit()).isNull();
    }

    @Test
    void noPodsRunSoDeploymentsNeverBecomeAvailable() throws Exception {
        client.resource(deployment("web")).create();
        Thread.sleep(500);
        Deployment stored = client.apps().deployments().inNamespace("default").withName("web").get();
        assertThat(stored.getStatus()).isNull();
        assertThat(client.apps().replicaSets().inNamespace("default").list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace("default").list().getItems()).isEmpty();
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

    @Test
    void noDefaultingSoPortKeysLackTheProtocol() {
        // A real server defaults ports[].protocol to TCP before computing managedFields; the sandbox does not.
        Deployment web = deployment("no-protocol");
        web.getSpec().getTemplate().getSpec().getContainers().get(0).setPorts(List.of(
                new io.fabric8.kubernetes.api.model.ContainerPortBuilder().withContainerPort(80).build()));
        Deployment applied = client.resource(web).fieldManager("sluice").forceConflicts().serverSideApply();
        assertThat(applied.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getProtocol())
                .isNull();
        assertThat(client.getKubernetesSerialization().asJson(applied.getMetadata().getManagedFields().get(0).getFieldsV1()))
                .contains("k:{\\\"containerPort\\\":80}");
    }

    @Test
    void updateEntriesNeverOwnAMapItself() {
        // A real server records {"f:labels":{".":{},"f:app":{}}} for a create; the sandbox only the leaves.
        ConfigMap created = client.resource(configMap("default", "map-owner", Map.of("app", "a"), Map.of())).create();
        assertThat(client.getKubernetesSerialization().asJson(created.getMetadata().getManagedFields().get(0).getFieldsV1()))
                .isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
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
