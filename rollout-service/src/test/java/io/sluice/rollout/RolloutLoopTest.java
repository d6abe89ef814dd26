package io.sluice.rollout;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.flagger.Canary;
import io.sluice.api.meta.ObjectKey;
import io.sluice.rollout.testing.Canaries;
import io.sluice.rollout.testing.Deployments;
import io.sluice.rollout.testing.SandboxWorkloads;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.TopicTail;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service watches Canaries and ticks each at its {@code analysis.interval} (1 s here): a new image of the
 * target goes through weight 50 to promotion by itself, and the phase changes are published on {@code sluice.events}.
 * The sandbox runs no pods, so the test marks Deployments rolled out where the Deployment controller would.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class RolloutLoopTest {

    private static final String NS = "rollout-loop";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aNewImageIsAnalysedOnTheIntervalAndPromoted() {
        SandboxWorkloads.registerHttpRoutes(SandboxClusterResource.cluster());
        KubernetesClient client = SandboxClusterResource.cluster().client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        Deployment target = Deployments.podinfo("ghcr.io/stefanprodan/podinfo:6.5.0");
        target.getMetadata().setNamespace(NS);
        client.resource(target).create();
        SandboxWorkloads.markRolledOut(client, NS, "podinfo");
        Canary canary = Canaries.podinfo();
        canary.getMetadata().setNamespace(NS);
        canary.getMetadata().setUid(null);
        canary.getSpec().getAnalysis().setInterval("1s");
        canary.getSpec().getAnalysis().setStepWeight(50);
        ObjectKey key = ObjectKey.of(Canary.KIND, NS, "podinfo");

        try (TopicTail events = TopicTail.fromEnd("sluice.events")) {
            client.resource(canary).create();
            await().atMost(WAIT).until(() -> client.apps().deployments().inNamespace(NS).withName("podinfo-primary").get() != null);
            SandboxWorkloads.markRolledOut(client, NS, "podinfo-primary");
            awaitPhase(client, "Initialized");
            assertThat(events.next(key.subject(), ObjectEvent.class).message()).isEqualTo("Initialization done! podinfo." + NS);

            SandboxWorkloads.setImage(client, NS, "podinfo", "ghcr.io/stefanprodan/podinfo:6.5.1");
            await().atMost(WAIT).until(() -> client.apps().deployments().inNamespace(NS).withName("podinfo").get().getSpec().getReplicas() == 2);
            SandboxWorkloads.markRolledOut(client, NS, "podinfo");
            awaitPhase(client, "Promoting");
            assertThat(SandboxWorkloads.canaryWeight(client, NS, "podinfo")).isEqualTo(50);
            SandboxWorkloads.markRolledOut(client, NS, "podinfo-primary");
            awaitPhase(client, "Succeeded");
            assertThat(SandboxWorkloads.canaryWeight(client, NS, "podinfo")).isZero();

            // New revision, start, advance to 50, promote, route back, finalise: in this order on the Canary's partition.
            assertThat(events.next(key.subject(), ObjectEvent.class).message()).isEqualTo("New revision detected! Scaling up podinfo." + NS);
            assertThat(events.next(key.subject(), ObjectEvent.class).message()).isEqualTo("Starting canary analysis for podinfo." + NS
                    + ", Advance podinfo." + NS + " canary weight 50");
            assertThat(events.next(key.subject(), ObjectEvent.class).message()).isEqualTo("Canary podinfo." + NS + " promoted at 50%");
        }
    }

    private static void awaitPhase(KubernetesClient client, String phase) {
        await().atMost(WAIT).untilAsserted(() -> {
            Canary current = client.resources(Canary.class).inNamespace(NS).withName("podinfo").get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getPhase()).isEqualTo(phase);
        });
    }
}
