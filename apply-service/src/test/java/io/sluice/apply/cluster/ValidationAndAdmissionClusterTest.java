package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.apply.ssa.ApplyException;
import io.sluice.apply.ssa.Manifests;
import io.sluice.apply.ssa.ObjectRef;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sluice.apply.cluster.ClusterFixtures.createNamespace;
import static io.sluice.apply.cluster.ClusterFixtures.first;
import static io.sluice.apply.cluster.ClusterFixtures.objects;
import static io.sluice.apply.cluster.ClusterFixtures.serverSideApply;
import static io.sluice.apply.cluster.ClusterFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The server-side dry run that guards every revision, against a server that validates and admits: the
 * sandbox checks only object names and a few immutable fields, has no admission chain and accepts objects
 * in namespaces that do not exist (docs/sandbox.md). Here one refused object must fail the whole revision,
 * naming each refused object with the server's reason, before anything is written.
 *
 * <p>The tests create their namespace beforehand (as an admin would), so no object waits for a Namespace of
 * its own revision and every object is judged before the first write.
 */
class ValidationAndAdmissionClusterTest extends ClusterTest {

    private static final String POLICY = "sluice-test-require-team";
    private static final String POLICY_MESSAGE = "every ConfigMap here needs a team label";

    @Test
    void objectsTheServerRejectsFailTheDryRunTogetherAndNothingIsWritten() {
        cluster.assume(Capability.VALIDATES_OBJECTS);
        createNamespace(client, ns, Map.of());
        List<GenericKubernetesResource> revision = objects(stream(configMap("settings", Map.of()), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: port-out-of-range
                  namespace: @ns@
                spec:
                  selector:
                    app: web
                  ports:
                    - port: 70000
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: no-selector
                  namespace: @ns@
                spec:
                  replicas: 1
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                        - name: main
                          image: registry.k8s.io/pause:3.10
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: replicas-as-text
                  namespace: @ns@
                spec:
                  replicas: two
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                        - name: main
                          image: registry.k8s.io/pause:3.10
                """), ns);

        assertThatThrownBy(() -> revisions.apply(first(revision, false, Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(ApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                    assertThat(e.changeSet().entries()).isEmpty();
                    assertThat(e.failures()).extracting(ApplyException.Failure::object).containsExactlyInAnyOrder(
                            new ObjectRef("v1", "Service", ns, "port-out-of-range"),
                            new ObjectRef("apps/v1", "Deployment", ns, "no-selector"),
                            new ObjectRef("apps/v1", "Deployment", ns, "replicas-as-text"));
                    assertThat(message(e, "port-out-of-range")).contains("spec.ports[0].port").contains("65535");
                    assertThat(message(e, "no-selector")).contains("spec.selector");
                    assertThat(message(e, "replicas-as-text")).contains("replicas");
                });

        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).as("the valid ConfigMap is not written either").isNull();
        assertThat(client.services().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void anObjectInANamespaceThatDoesNotExistFailsTheDryRun() {
        cluster.assume(Capability.REFUSES_MISSING_NAMESPACES);
        String missing = ns + "-missing";

        assertThatThrownBy(() -> revisions.apply(first(objects(configMap("settings", Map.of()), missing), false, Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(ApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                    assertThat(e.failures()).extracting(ApplyException.Failure::object)
                            .containsExactly(new ObjectRef("v1", "ConfigMap", missing, "settings"));
                    assertThat(e.failures().get(0).message()).contains("namespaces \"" + missing + "\" not found").contains("(HTTP 404)");
                });
        assertThat(client.namespaces().withName(missing).get()).isNull();
    }

    @Test
    void aKindThatNoCrdServesFailsTheDryRunNamingIt() {
        createNamespace(client, ns, Map.of());
        List<GenericKubernetesResource> revision = objects(stream(configMap("settings", Map.of()), """
                apiVersion: nothing.sluice.io/v1
                kind: Gadget
                metadata:
                  name: orphan
                  namespace: @ns@
                spec:
                  size: 1
                """), ns);

        assertThatThrownBy(() -> revisions.apply(first(revision, false, Duration.ofMinutes(1))))
                .isInstanceOfSatisfying(ApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                    assertThat(e.failures()).extracting(ApplyException.Failure::object)
                            .containsExactly(new ObjectRef("nothing.sluice.io/v1", "Gadget", ns, "orphan"));
                    assertThat(e.failures().get(0).message()).contains("does not serve this apiVersion and kind");
                });
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();
    }

    @Test
    void aValidatingAdmissionPolicyRefusesTheRevisionInTheDryRun() {
        cluster.assume(Capability.ADMISSION_POLICIES);
        createNamespace(client, ns, Map.of("sluice-test/admission", "strict"));
        try {
            serverSideApply(client, Manifests.parse(policy()));
            // Admission plugins pick policies up from an informer: wait until this one is in force.
            await("ValidatingAdmissionPolicy " + POLICY + " in force").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(this::policyRefusesAConfigMapWithoutTeam);

            List<GenericKubernetesResource> refused = objects(stream(configMap("settings", Map.of()),
                    configMap("labelled", Map.of("team", "payments"))), ns);
            assertThatThrownBy(() -> revisions.apply(first(refused, false, Duration.ofMinutes(1))))
                    .isInstanceOfSatisfying(ApplyException.class, e -> {
                        assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                        assertThat(e.failures()).extracting(ApplyException.Failure::object)
                                .containsExactly(new ObjectRef("v1", "ConfigMap", ns, "settings"));
                        assertThat(e.failures().get(0).message()).contains("ValidatingAdmissionPolicy").contains(POLICY_MESSAGE);
                    });
            assertThat(client.configMaps().inNamespace(ns).withName("labelled").get()).as("nothing of the revision is written").isNull();

            List<GenericKubernetesResource> admitted = objects(stream(configMap("settings", Map.of("team", "payments")),
                    configMap("labelled", Map.of("team", "payments"))), ns);
            RevisionApplier.Result result = revisions.apply(first(admitted, false, Duration.ofMinutes(1)));
            assertThat(result.changeSet().entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.CREATED).hasSize(2);
        } finally {
            client.genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding").withName(POLICY).delete();
            client.genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy").withName(POLICY).delete();
        }
    }

    private boolean policyRefusesAConfigMapWithoutTeam() {
        try {
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("probe").endMetadata().build())
                    .dryRun().create();
            return false;
        } catch (KubernetesClientException e) {
            return e.getMessage() != null && e.getMessage().contains(POLICY_MESSAGE);
        }
    }

    /** Denies ConfigMaps without a {@code team} label in namespaces labelled {@code sluice-test/admission: strict}. */
    private static String policy() {
        return """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata:
                  name: %1$s
                spec:
                  failurePolicy: Fail
                  matchConstraints:
                    resourceRules:
                      - apiGroups: [""]
                        apiVersions: ["v1"]
                        operations: ["CREATE", "UPDATE"]
                        resources: ["configmaps"]
                  validations:
                    - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
                      message: "%2$s"
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata:
                  name: %1$s
                spec:
                  policyName: %1$s
                  validationActions: [Deny]
                  matchResources:
                    namespaceSelector:
                      matchLabels:
                        sluice-test/admission: strict
                """.formatted(POLICY, POLICY_MESSAGE);
    }

    private static String configMap(String name, Map<String, String> labels) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: "@ns@"
                """.formatted(name));
        if (!labels.isEmpty()) {
            yaml.append("  labels:\n");
            labels.forEach((key, value) -> yaml.append("    ").append(key).append(": ").append(value).append('\n'));
        }
        return yaml.append("data:\n  color: blue\n").toString();
    }

    private static String message(ApplyException e, String name) {
        return e.failures().stream().filter(f -> f.object().name().equals(name)).findFirst().orElseThrow().message();
    }
}
