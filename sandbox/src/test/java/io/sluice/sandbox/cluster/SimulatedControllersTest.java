package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sluice.sandbox.testing.PodReadiness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The controllers the sandbox simulates (docs/sandbox.md): Deployments get ReplicaSets, Pending pods and the status a
 * cluster without kubelets writes; pods marked Ready make them Available; rollouts, scaling, the progress deadline;
 * Services get Endpoints.
 */
class SimulatedControllersTest {

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

    private static String namespace(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName().replaceAll("([A-Z])", "-$1").toLowerCase();
        name = name.substring(0, Math.min(40, name.length())).replaceAll("-+$", "");
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static Deployment deployment(String namespace, String name, int replicas, String image) {
        return new DeploymentBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static Deployment waitFor(String namespace, String name, Predicate<Deployment> condition) {
        return client.apps().deployments().inNamespace(namespace).withName(name).waitUntilCondition(
                d -> d != null && d.getStatus() != null && condition.test(d), 20, TimeUnit.SECONDS);
    }

    private static DeploymentCondition condition(Deployment deployment, String type) {
        return deployment.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow();
    }

    private static boolean hasCondition(Deployment d, String type, String reason) {
        return d.getStatus().getConditions() != null && d.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals(type) && c.getReason().equals(reason));
    }

    @Test
    void aDeploymentGetsAReplicaSetPendingPodsAndTheStatusOfAClusterWithoutKubelets(TestInfo test) {
        String ns = namespace(test);
        Deployment created = client.resource(deployment(ns, "web", 2, "nginx:1.25")).create();
        assertThat(created.getStatus().getObservedGeneration()).as("the answer to the create shows no controller work")
                .isNull();

        Deployment rolled = waitFor(ns, "web", d -> hasCondition(d, "Progressing", "ReplicaSetUpdated"));
        assertThat(rolled.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertThat(rolled.getMetadata().getGeneration()).as("written through /status: no new generation").isEqualTo(1L);
        assertThat(rolled.getStatus().getReplicas()).isEqualTo(2);
        assertThat(rolled.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(rolled.getStatus().getUnavailableReplicas()).isEqualTo(2);
        assertThat(rolled.getStatus().getAvailableReplicas()).isNull();
        assertThat(rolled.getStatus().getConditions()).extracting(DeploymentCondition::getType)
                .containsExactly("Available", "Progressing");
        assertThat(condition(rolled, "Available").getReason()).isEqualTo("MinimumReplicasUnavailable");

        List<ReplicaSet> replicaSets = client.apps().replicaSets().inNamespace(ns).list().getItems();
        assertThat(replicaSets).singleElement().satisfies(rs -> {
            assertThat(rs.getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{1,10}");
            assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/desired-replicas", "2")
                    .containsEntry("deployment.kubernetes.io/max-replicas", "3");
            assertThat(rs.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> assertThat(o.getUid())
                    .isEqualTo(created.getMetadata().getUid()));
            assertThat(rs.getSpec().getSelector().getMatchLabels()).containsKey("pod-template-hash");
            assertThat(rs.getStatus().getReplicas()).isEqualTo(2);
            assertThat(rs.getMetadata().getManagedFields()).extracting(m -> m.getManager())
                    .containsOnly("kube-controller-manager");
        });
        List<Pod> pods = client.pods().inNamespace(ns).withLabel("app", "web").list().getItems();
        assertThat(pods).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
            assertThat(pod.getMetadata().getName()).startsWith(replicaSets.get(0).getMetadata().getName() + "-");
        });
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").scale().getStatus().getSelector())
                .isEqualTo("app=web");
    }

    @Test
    void podsMarkedReadyMakeTheDeploymentAvailableAndItsRolloutComplete(TestInfo test) {
        String ns = namespace(test);
        client.resource(deployment(ns, "web", 2, "nginx:1.25")).create();

        Deployment half = PodReadiness.makeReady(client, ns, "web", 1, Duration.ofSeconds(20));
        assertThat(half.getStatus().getAvailableReplicas()).isEqualTo(1);
        assertThat(condition(half, "Available").getStatus()).as("maxUnavailable 25% of 2 is 0").isEqualTo("False");

        Deployment all = PodReadiness.makeReady(client, ns, "web", 2, Duration.ofSeconds(20));
        Deployment complete = waitFor(ns, "web", d -> hasCondition(d, "Progressing", "NewReplicaSetAvailable"));
        assertThat(all.getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(condition(complete, "Available").getStatus()).isEqualTo("True");
        assertThat(condition(complete, "Progressing").getMessage()).matches("ReplicaSet \"web-.*\" has successfully progressed\\.");
    }

    @Test
    void aNewTemplateRollsOutANewReplicaSetAsFarAsAvailabilityAllows(TestInfo test) {
        String ns = namespace(test);
        client.resource(deployment(ns, "web", 2, "nginx:1.25")).create();
        PodReadiness.makeReady(client, ns, "web", 2, Duration.ofSeconds(20));

        // a patch, not edit(): no resourceVersion precondition to race with the controller's status writes
        client.apps().deployments().inNamespace(ns).withName("web").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.26\"}]}}}}");
        Deployment updated = waitFor(ns, "web", d -> "2".equals(d.getMetadata().getAnnotations()
                .get("deployment.kubernetes.io/revision")) && d.getStatus().getObservedGeneration() == 2);
        // maxSurge 1: one new pod beside the two old ones; none of them ever becomes ready on its own
        assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).hasSize(2);
        assertThat(updated.getStatus().getUpdatedReplicas()).isEqualTo(1);

        client.apps().deployments().inNamespace(ns).withName("web").scale(1);
        Deployment scaled = waitFor(ns, "web", d -> d.getStatus().getObservedGeneration() == 3);
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void aRolloutWithoutProgressPastItsDeadlineIsReportedAsSuch(TestInfo test) {
        String ns = namespace(test);
        Deployment stuck = deployment(ns, "stuck", 1, "nginx:1.25");
        stuck.getSpec().setProgressDeadlineSeconds(2);
        client.resource(stuck).create();
        Deployment timedOut = waitFor(ns, "stuck", d -> hasCondition(d, "Progressing", "ProgressDeadlineExceeded"));
        assertThat(condition(timedOut, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(timedOut, "Progressing").getMessage()).matches("ReplicaSet \"stuck-.*\" has timed out progressing\\.");
    }

    @Test
    void aServiceWithASelectorGetsEndpointsThatGoWithIt(TestInfo test) {
        String ns = namespace(test);
        client.resource(new ServiceBuilder().withNewMetadata().withNamespace(ns).withName("web").endMetadata()
                .withNewSpec().withSelector(Map.of("app", "web")).addNewPort().withPort(80).endPort().endSpec().build())
                .create();
        var endpoints = client.endpoints().inNamespace(ns).withName("web")
                .waitUntilCondition(e -> e != null, 10, TimeUnit.SECONDS);
        assertThat(endpoints.getSubsets()).as("no pod has an address").isNullOrEmpty();

        client.services().inNamespace(ns).withName("web").delete();
        client.endpoints().inNamespace(ns).withName("web").waitUntilCondition(e -> e == null, 10, TimeUnit.SECONDS);
    }
}
