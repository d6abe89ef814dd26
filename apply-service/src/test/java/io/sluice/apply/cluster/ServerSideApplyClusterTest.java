package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.apply.ssa.ApplyException;
import io.sluice.apply.ssa.ObjectRef;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.sluice.apply.cluster.ClusterFixtures.OPTIONS;
import static io.sluice.apply.cluster.ClusterFixtures.REV1;
import static io.sluice.apply.cluster.ClusterFixtures.REV2;
import static io.sluice.apply.cluster.ClusterFixtures.first;
import static io.sluice.apply.cluster.ClusterFixtures.namespace;
import static io.sluice.apply.cluster.ClusterFixtures.next;
import static io.sluice.apply.cluster.ClusterFixtures.objects;
import static io.sluice.apply.cluster.ClusterFixtures.settings;
import static io.sluice.apply.cluster.ClusterFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Server-side apply as the real API server does it, where the sandbox only imitates it: defaulting
 * (a real server fills in {@code protocol: TCP}, {@code strategy}, {@code clusterIP}, ... before it compares,
 * and keys managedFields with the defaults), managedFields of Update operations (hand edits), field removal,
 * and the wording of immutable-field errors that {@code spec.force} depends on (docs/sandbox.md).
 */
class ServerSideApplyClusterTest extends ClusterTest {

    /** A Namespace, a ConfigMap, a Service without protocol and a Deployment without strategy (both defaulted by the server). */
    private List<GenericKubernetesResource> app(String configMapData, String selectorApp) {
        return objects(stream(namespace(), settings(configMapData), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: @ns@
                spec:
                  selector:
                    app: web
                  ports:
                    - port: 80
                      targetPort: 8080
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: @ns@
                spec:
                  replicas: 0
                  selector:
                    matchLabels:
                      app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s
                    spec:
                      containers:
                        - name: main
                          image: registry.k8s.io/pause:3.10
                          ports:
                            - containerPort: 8080
                """.formatted(selectorApp)), ns);
    }

    @Test
    void reApplyingTheSameRevisionWritesNothingThoughTheServerFilledInDefaults() {
        cluster.assume(Capability.DEFAULTS_OBJECTS);
        List<GenericKubernetesResource> revision = app("color: blue", "web");
        RevisionApplier.Result applied = revisions.apply(first(revision, false, Duration.ofMinutes(1)));
        assertThat(applied.changeSet().entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.CREATED).hasSize(4);

        Service service = client.services().inNamespace(ns).withName("web").get();
        assertThat(service.getSpec().getPorts().get(0).getProtocol()).as("defaulted by the server").isEqualTo("TCP");
        assertThat(service.getSpec().getClusterIP()).as("allocated by the server").isNotBlank();
        assertThat(client.getKubernetesSerialization().asJson(sluiceEntry(service.getMetadata().getManagedFields()).getFieldsV1()))
                .as("the real server keys the port with its defaulted protocol")
                .contains("k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}");
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getSpec().getStrategy().getType())
                .isEqualTo("RollingUpdate");
        String configMapVersion = client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getResourceVersion();
        String serviceVersion = service.getMetadata().getResourceVersion();
        long deploymentGeneration = client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getGeneration();

        RevisionApplier.Result again = revisions.apply(next(revision, REV1, applied));

        assertThat(again.changeSet().entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED).hasSize(4);
        assertThat(again.drift().detected()).isFalse();
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getResourceVersion()).isEqualTo(configMapVersion);
        assertThat(client.services().inNamespace(ns).withName("web").get().getMetadata().getResourceVersion()).isEqualTo(serviceVersion);
        // A Deployment's resourceVersion moves with its status (the controller writes it); its generation does not.
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getGeneration()).isEqualTo(deploymentGeneration);
    }

    @Test
    void handEditsAreRestoredAndReportedAsDriftWhileOtherManagersFieldsStay() {
        List<GenericKubernetesResource> revision = app("color: blue", "web");
        RevisionApplier.Result applied = revisions.apply(first(revision, false, Duration.ofMinutes(1)));
        // As kubectl edit would: Update operations by another manager.
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getData().put("color", "red");
            cm.getMetadata().getLabels().put("edited-by", "hand");
            return cm;
        });
        client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
            d.getSpec().setReplicas(2);
            return d;
        });

        RevisionApplier.Result again = revisions.apply(next(revision, REV1, applied));

        assertThat(again.drift().drifted()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action).containsExactly(
                tuple("ConfigMap/" + ns + "/settings", ChangeAction.CONFIGURED),
                tuple("Deployment/" + ns + "/web", ChangeAction.CONFIGURED));
        ConfigMap settings = client.configMaps().inNamespace(ns).withName("settings").get();
        assertThat(settings.getData()).containsEntry("color", "blue");
        assertThat(settings.getMetadata().getLabels()).as("a field only another manager set is left to it")
                .containsEntry("edited-by", "hand");
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getSpec().getReplicas()).isZero();
    }

    @Test
    void aFieldLeftOutOfTheNextRevisionIsRemovedFromTheLiveObject() {
        RevisionApplier.Result applied = revisions.apply(first(app("color: blue\nsize: large", "web"), false, Duration.ofMinutes(1)));

        RevisionApplier.Result next = revisions.apply(next(app("color: blue", "web"), REV2, applied));

        assertThat(next.changeSet().entries()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action)
                .contains(tuple("ConfigMap/" + ns + "/settings", ChangeAction.CONFIGURED));
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getData()).containsOnlyKeys("color");
    }

    @Test
    void anImmutableFieldChangeFailsTheDryRunAndForceRecreatesTheObject() {
        RevisionApplier.Result applied = revisions.apply(first(app("color: blue", "web"), false, Duration.ofMinutes(1)));
        String uid = client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid();
        List<GenericKubernetesResource> newSelector = app("color: blue", "web-v2");

        assertThatThrownBy(() -> revisions.apply(next(newSelector, REV2, applied)))
                .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION))
                .hasMessageContaining("Deployment/" + ns + "/web")
                .hasMessageContaining("field is immutable");
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid()).isEqualTo(uid);

        RevisionApplier.Result forced = revisions.apply(new RevisionApplier.Request(newSelector, REV2, REV1, applied.inventory(),
                true, false, List.of(), Duration.ofMinutes(1), OPTIONS.withForce(true)));

        assertThat(forced.changeSet().actionOf(new ObjectRef("apps/v1", "Deployment", ns, "web")))
                .contains(ChangeAction.CREATED);
        Deployment recreated = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(recreated.getMetadata().getUid()).isNotEqualTo(uid);
        assertThat(recreated.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web-v2");
    }

    private static ManagedFieldsEntry sluiceEntry(List<ManagedFieldsEntry> entries) {
        return entries.stream().filter(e -> "sluice".equals(e.getManager()) && "Apply".equals(e.getOperation()))
                .findFirst().orElseThrow(() -> new AssertionError("no Apply entry of manager sluice in " + entries));
    }
}
