package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.api.events.Health;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.sluice.apply.cluster.ClusterFixtures.PAUSE_IMAGE;
import static io.sluice.apply.cluster.ClusterFixtures.REV2;
import static io.sluice.apply.cluster.ClusterFixtures.SETTINGS;
import static io.sluice.apply.cluster.ClusterFixtures.deployment;
import static io.sluice.apply.cluster.ClusterFixtures.first;
import static io.sluice.apply.cluster.ClusterFixtures.namespace;
import static io.sluice.apply.cluster.ClusterFixtures.next;
import static io.sluice.apply.cluster.ClusterFixtures.objects;
import static io.sluice.apply.cluster.ClusterFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Pruning with the real garbage collector and namespace controller: they work asynchronously, after the
 * DELETE has returned, and take what was never in the inventory (ReplicaSets, Pods, objects made by hand).
 * The sandbox does both inside the DELETE request (docs/sandbox.md).
 */
class PruneClusterTest extends ClusterTest {

    @Test
    void pruningANamespaceLetsTheClusterDeleteEverythingInIt() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        RevisionApplier.Result running = revisions.apply(first(objects(stream(namespace(), SETTINGS,
                deployment("web", PAUSE_IMAGE, 1)), ns), true, Duration.ofMinutes(3)));
        assertThat(running.health().status()).as(running.health().message()).isEqualTo(Health.Status.HEALTHY);
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(ns).withName("made-by-hand").endMetadata()
                .addToStringData("token", "not-in-git").build()).create();
        assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).hasSize(1);
        assertThat(client.pods().inNamespace(ns).list().getItems()).hasSize(1);

        RevisionApplier.Result pruned = revisions.apply(next(List.of(), REV2, running));

        // Deleted in reverse apply order, the Namespace last; the change set is known when the DELETEs return.
        assertThat(pruned.changeSet().entries()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action).containsExactly(
                tuple("Deployment/" + ns + "/web", ChangeAction.DELETED),
                tuple("ConfigMap/" + ns + "/settings", ChangeAction.DELETED),
                tuple("Namespace/" + ns, ChangeAction.DELETED));
        assertThat(pruned.inventory().entries()).isEmpty();
        Namespace terminating = client.namespaces().withName(ns).get();
        assertThat(terminating == null || terminating.getMetadata().getDeletionTimestamp() != null)
                .as("the namespace is Terminating or already gone").isTrue();

        // The namespace controller removes the namespace only once everything in it is gone: the Secret that was
        // never in the inventory, the ReplicaSet and the Pod the controllers made.
        await("namespace " + ns + " deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> client.namespaces().withName(ns).get() == null);
        assertThat(client.secrets().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void aPrunedDeploymentLeavesItsReplicaSetAndPodsToTheGarbageCollector() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        RevisionApplier.Result running = revisions.apply(first(objects(stream(namespace(), SETTINGS,
                deployment("web", PAUSE_IMAGE, 1)), ns), true, Duration.ofMinutes(3)));
        assertThat(running.health().status()).as(running.health().message()).isEqualTo(Health.Status.HEALTHY);
        String replicaSet = client.apps().replicaSets().inNamespace(ns).withLabel("app", "web").list().getItems().get(0)
                .getMetadata().getName();

        RevisionApplier.Result pruned = revisions.apply(next(objects(stream(namespace(), SETTINGS), ns), REV2, running));

        assertThat(pruned.changeSet().entries(ChangeAction.DELETED)).extracting(ChangeSetEntry::objectName)
                .containsExactly("Deployment/" + ns + "/web");
        assertThat(pruned.changeSet().entries(ChangeAction.UNCHANGED)).hasSize(2);
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get()).isNull();
        // Background propagation: the garbage collector follows the ownerReferences after the DELETE returned.
        await("ReplicaSet " + replicaSet + " and its pod garbage-collected").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> client.apps().replicaSets().inNamespace(ns).withName(replicaSet).get() == null
                        && client.pods().inNamespace(ns).withLabel("app", "web").list().getItems().isEmpty());
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNotNull();
        assertThat(client.namespaces().withName(ns).get().getStatus().getPhase()).isEqualTo("Active");
    }
}
