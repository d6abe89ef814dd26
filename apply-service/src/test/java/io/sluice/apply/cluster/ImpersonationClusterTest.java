package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.apply.ssa.ApplyException;
import io.sluice.apply.ssa.ObjectRef;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sluice.apply.cluster.ClusterFixtures.SETTINGS;
import static io.sluice.apply.cluster.ClusterFixtures.createNamespace;
import static io.sluice.apply.cluster.ClusterFixtures.first;
import static io.sluice.apply.cluster.ClusterFixtures.objects;
import static io.sluice.apply.cluster.ClusterFixtures.serverSideApply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Authorization of the applier's requests, as Flux's {@code spec.serviceAccountName} relies on: the
 * controller impersonates the service account, and the API server allows only what RBAC grants it. The
 * sandbox authenticates and authorizes nothing (docs/sandbox.md), so there any impersonated user may do
 * anything.
 */
class ImpersonationClusterTest extends ClusterTest {

    @Test
    void anImpersonatedServiceAccountMayApplyOnlyWhatItsRoleGrants() {
        cluster.assume(Capability.ENFORCES_RBAC);
        createNamespace(client, ns, Map.of());
        serverSideApply(client, objects("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: deployer
                  namespace: @ns@
                """, ns));
        String user = "system:serviceaccount:" + ns + ":deployer";
        List<GenericKubernetesResource> revision = objects(SETTINGS, ns);

        try (KubernetesClient deployer = cluster.impersonating(user)) {
            RevisionApplier asDeployer = new RevisionApplier(deployer, Duration.ofSeconds(1));

            assertThatThrownBy(() -> asDeployer.apply(first(revision, false, Duration.ofMinutes(1))))
                    .isInstanceOfSatisfying(ApplyException.class, e -> {
                        assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                        assertThat(e.failures()).extracting(ApplyException.Failure::object)
                                .containsExactly(new ObjectRef("v1", "ConfigMap", ns, "settings"));
                        assertThat(e.failures().get(0).message()).contains("forbidden").contains("User \"" + user + "\"")
                                .contains("(HTTP 403)");
                    });
            assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();

            serverSideApply(client, objects("""
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: Role
                    metadata:
                      name: configmap-writer
                      namespace: @ns@
                    rules:
                      - apiGroups: [""]
                        resources: ["configmaps"]
                        verbs: ["get", "list", "create", "patch"]
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: RoleBinding
                    metadata:
                      name: deployer-writes-configmaps
                      namespace: @ns@
                    roleRef:
                      apiGroup: rbac.authorization.k8s.io
                      kind: Role
                      name: configmap-writer
                    subjects:
                      - kind: ServiceAccount
                        name: deployer
                        namespace: @ns@
                    """, ns));
            // The authorizer reads roles from an informer: wait until the grant is seen.
            await("the Role granted to " + user).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> deployer.configMaps().inNamespace(ns).list() != null);

            RevisionApplier.Result result = asDeployer.apply(first(revision, false, Duration.ofMinutes(1)));

            assertThat(result.changeSet().entries()).extracting(ChangeSetEntry::action).containsExactly(ChangeAction.CREATED);
            assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getManagedFields())
                    .anySatisfy(entry -> assertThat(List.of(entry.getManager(), entry.getOperation())).containsExactly("sluice", "Apply"));

            // The grant is for this namespace only.
            createNamespace(client, ns + "-other", Map.of());
            assertThatThrownBy(() -> asDeployer.apply(first(objects("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: @ns@
                    """, ns + "-other"), false, Duration.ofMinutes(1))))
                    .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.failures().get(0).message())
                            .contains("forbidden").contains("in the namespace \"" + ns + "-other\""));
        }
    }
}
