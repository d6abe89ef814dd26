package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply against the sandbox, driven exactly as apply-service drives it:
 * {@code client.resource(obj).fieldManager(m)[.forceConflicts()].serverSideApply()}.
 */
class ServerSideApplyTest {

    private static final String NS = "ssa";

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ConfigMap configMap(String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(NS).withName(name).withLabels(labels).endMetadata()
                .withData(data).build();
    }

    private static ConfigMap apply(ConfigMap object, String manager) {
        return client.resource(object).fieldManager(manager).serverSideApply();
    }

    private static ConfigMap forceApply(ConfigMap object, String manager) {
        return client.resource(object).fieldManager(manager).forceConflicts().serverSideApply();
    }

    private static ConfigMap stored(String name) {
        return client.configMaps().inNamespace(NS).withName(name).get();
    }

    private static ManagedFieldsEntry entry(ConfigMap object, String manager) {
        return object.getMetadata().getManagedFields().stream().filter(e -> e.getManager().equals(manager))
                .findFirst().orElseThrow(() -> new AssertionError("no managedFields entry for " + manager + " in "
                        + object.getMetadata().getManagedFields()));
    }

    @Test
    void applyCreatesAMissingObjectAndRecordsTheManagerFields() {
        ConfigMap created = forceApply(configMap("created", Map.of("app", "web"), Map.of("a", "1")), "sluice");

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
        assertThat(created.getMetadata().getCreationTimestamp()).isNotBlank();
        assertThat(created.getData()).containsExactly(Map.entry("a", "1"));
        ManagedFieldsEntry entry = entry(created, "sluice");
        assertThat(entry.getOperation()).isEqualTo("Apply");
        assertThat(entry.getApiVersion()).isEqualTo("v1");
        assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
        assertThat(entry.getTime()).isNotBlank();
        assertThat(client.getKubernetesSerialization().asJson(entry.getFieldsV1()))
                .isEqualTo("{\"f:data\":{\"f:a\":{}},\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
        assertThat(stored("created").getData()).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void fieldsTheSameManagerLeavesOutAreRemoved() {
        forceApply(configMap("prune-fields", Map.of("app", "web", "tier", "front"), Map.of("a", "1", "b", "2")), "sluice");
        ConfigMap second = forceApply(configMap("prune-fields", Map.of("app", "web"), Map.of("a", "1")), "sluice");

        assertThat(second.getData()).containsOnlyKeys("a");
        assertThat(second.getMetadata().getLabels()).containsOnlyKeys("app");
        ConfigMap third = forceApply(configMap("prune-fields", Map.of(), Map.of("a", "1")), "sluice");
        assertThat(third.getMetadata().getLabels()).as("the last label gone, labels go").isNullOrEmpty();
        assertThat(client.getKubernetesSerialization().asJson(entry(third, "sluice").getFieldsV1()))
                .isEqualTo("{\"f:data\":{\"f:a\":{}}}");
    }

    @Test
    void aFieldLeftOutIsKeptWhileAnotherManagerOwnsIt() {
        forceApply(configMap("shared", Map.of(), Map.of("a", "1", "b", "2")), "first");
        // Same value: no conflict, both own data.b.
        apply(configMap("shared", Map.of(), Map.of("b", "2")), "second");
        ConfigMap after = apply(configMap("shared", Map.of(), Map.of("a", "1")), "first");

        assertThat(after.getData()).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(client.getKubernetesSerialization().asJson(entry(after, "second").getFieldsV1()))
                .isEqualTo("{\"f:data\":{\"f:b\":{}}}");
    }

    @Test
    void anotherManagersFieldIsAConflictUnlessForced() {
        apply(configMap("contested", Map.of(), Map.of("x", "1", "y", "1")), "owner");

        assertThatThrownBy(() -> apply(configMap("contested", Map.of(), Map.of("x", "2")), "intruder"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                    assertThat(e.getStatus().getMessage())
                            .isEqualTo("Apply failed with 1 conflict: conflict with \"owner\": .data.x");
                    assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getReason,
                            StatusCause::getField).containsExactly(org.assertj.core.groups.Tuple.tuple(
                                    "FieldManagerConflict", ".data.x"));
                });
        assertThat(stored("contested").getData()).as("nothing written").containsEntry("x", "1");

        ConfigMap forced = forceApply(configMap("contested", Map.of(), Map.of("x", "2")), "intruder");
        assertThat(forced.getData()).containsEntry("x", "2").containsEntry("y", "1");
        assertThat(client.getKubernetesSerialization().asJson(entry(forced, "owner").getFieldsV1()))
                .as("the owner lost x").isEqualTo("{\"f:data\":{\"f:y\":{}}}");
        assertThat(client.getKubernetesSerialization().asJson(entry(forced, "intruder").getFieldsV1()))
                .isEqualTo("{\"f:data\":{\"f:x\":{}}}");
    }

    @Test
    void severalConflictsAreListedPerManager() {
        apply(configMap("many", Map.of(), Map.of("a", "1", "b", "1")), "one");
        assertThatThrownBy(() -> apply(configMap("many", Map.of(), Map.of("a", "2", "b", "2")), "two"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .isEqualTo("Apply failed with 2 conflicts: conflicts with \"one\":\n- .data.a\n- .data.b"));
    }

    @Test
    void aHandEditIsAnUpdateManagerThatApplyConflictsWithAndForceRestores() {
        forceApply(configMap("drift", Map.of(), Map.of("level", "info")), "sluice");
        // Someone edits the object by hand (fabric8 edit = JSON patch, manager from the User-Agent).
        client.configMaps().inNamespace(NS).withName("drift").edit(cm -> {
            cm.getData().put("level", "debug");
            return cm;
        });
        ConfigMap edited = stored("drift");
        ManagedFieldsEntry byHand = entry(edited, "fabric8-kubernetes-client");
        assertThat(byHand.getOperation()).isEqualTo("Update");
        assertThat(client.getKubernetesSerialization().asJson(byHand.getFieldsV1()))
                .isEqualTo("{\"f:data\":{\"f:level\":{}}}");
        assertThat(edited.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .as("sluice no longer owns the field it had applied").containsExactly("fabric8-kubernetes-client");

        assertThatThrownBy(() -> apply(configMap("drift", Map.of(), Map.of("level", "info")), "sluice"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .isEqualTo("Apply failed with 1 conflict: conflict with \"fabric8-kubernetes-client\" using v1: "
                                + ".data.level"));

        ConfigMap restored = forceApply(configMap("drift", Map.of(), Map.of("level", "info")), "sluice");
        assertThat(restored.getData()).containsEntry("level", "info");
        assertThat(restored.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .containsExactly("sluice");
    }

    @Test
    void aNoChangeApplyWritesNothing() {
        ConfigMap first = forceApply(configMap("stable", Map.of("app", "web"), Map.of("a", "1")), "sluice");
        ConfigMap again = forceApply(configMap("stable", Map.of("app", "web"), Map.of("a", "1")), "sluice");

        assertThat(again.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        assertThat(again.getMetadata().getGeneration()).isEqualTo(first.getMetadata().getGeneration());
        assertThat(again.getMetadata().getManagedFields()).isEqualTo(first.getMetadata().getManagedFields());
        assertThat(stored("stable").getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());

        Container web = new ContainerBuilder(container("web", "nginx:1.27")).addNewPort().withContainerPort(80)
                .withProtocol("TCP").endPort().addNewEnv().withName("A").withValue("1").endEnv().build();
        Deployment deployment = client.resource(deployment("stable", List.of(web), 2)).fieldManager("sluice")
                .forceConflicts().serverSideApply();
        Deployment deploymentAgain = client.resource(deployment("stable", List.of(web), 2)).fieldManager("sluice")
                .forceConflicts().serverSideApply();
        assertThat(deploymentAgain.getMetadata().getResourceVersion())
                .isEqualTo(deployment.getMetadata().getResourceVersion());

        ConfigMap changed = forceApply(configMap("stable", Map.of("app", "web"), Map.of("a", "2")), "sluice");
        assertThat(Long.parseLong(changed.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(first.getMetadata().getResourceVersion()));
    }

    @Test
    void generationRisesOnSpecChangesOnly() {
        Deployment first = client.resource(deployment("gen", List.of(container("web", "nginx:1.27")), 1))
                .fieldManager("sluice").forceConflicts().serverSideApply();
        assertThat(first.getMetadata().getGeneration()).isEqualTo(1L);

        Deployment labelled = deployment("gen", List.of(container("web", "nginx:1.27")), 1);
        labelled.getMetadata().setLabels(Map.of("team", "a"));
        Deployment afterLabel = client.resource(labelled).fieldManager("sluice").forceConflicts().serverSideApply();
        assertThat(afterLabel.getMetadata().getGeneration()).as("metadata change").isEqualTo(1L);
        assertThat(afterLabel.getMetadata().getResourceVersion()).isNotEqualTo(first.getMetadata().getResourceVersion());

        Deployment scaled = deployment("gen", List.of(container("web", "nginx:1.27")), 3);
        scaled.getMetadata().setLabels(Map.of("team", "a"));
        assertThat(client.resource(scaled).fieldManager("sluice").forceConflicts().serverSideApply()
                .getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void containersPortsAndEnvMergeByTheirKeys() {
        Container web = new ContainerBuilder(container("web", "nginx:1.27")).addNewPort().withContainerPort(80)
                .withProtocol("TCP").endPort().addNewEnv().withName("A").withValue("1").endEnv().build();
        client.resource(deployment("merge", List.of(web), 2)).fieldManager("sluice").forceConflicts().serverSideApply();
        // A second manager adds a sidecar: its configuration names only that container.
        Deployment sidecar = new DeploymentBuilder().withNewMetadata().withNamespace(NS).withName("merge").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addToContainers(container("proxy", "envoy:1.31"))
                .endSpec().endTemplate().endSpec().build();
        client.resource(sidecar).fieldManager("mesh").serverSideApply();

        Deployment merged = client.apps().deployments().inNamespace(NS).withName("merge").get();
        assertThat(merged.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactly("web", "proxy");
        assertThat(merged.getSpec().getReplicas()).isEqualTo(2);

        // sluice changes its container: a new env var and port, A dropped; the sidecar stays.
        Container webV2 = new ContainerBuilder(container("web", "nginx:1.28")).addNewPort().withContainerPort(80)
                .withProtocol("TCP").endPort().addNewPort().withContainerPort(9090).withProtocol("TCP").endPort()
                .addNewEnv().withName("B").withValue("2").endEnv().build();
        Deployment second = client.resource(deployment("merge", List.of(webV2), 2)).fieldManager("sluice")
                .forceConflicts().serverSideApply();
        List<Container> containers = second.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly("web", "proxy");
        Container updated = containers.get(0);
        assertThat(updated.getImage()).isEqualTo("nginx:1.28");
        assertThat(updated.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("B=2");
        assertThat(updated.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(80, 9090);
        assertThat(containers.get(1).getImage()).isEqualTo("envoy:1.31");

        String fields = client.getKubernetesSerialization().asJson(second.getMetadata().getManagedFields().stream()
                .filter(e -> e.getManager().equals("sluice")).findFirst().orElseThrow().getFieldsV1());
        assertThat(fields).contains("\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{}")
                .contains("\"k:{\\\"containerPort\\\":9090,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{}")
                .contains("\"f:selector\":{}")
                .doesNotContain("proxy");

        // The sidecar's manager removes its container: only web is left.
        Deployment nothing = new DeploymentBuilder().withNewMetadata().withNamespace(NS).withName("merge").endMetadata()
                .build();
        client.resource(nothing).fieldManager("mesh").serverSideApply();
        assertThat(client.apps().deployments().inNamespace(NS).withName("merge").get().getSpec().getTemplate().getSpec()
                .getContainers()).extracting(Container::getName).containsExactly("web");
    }

    @Test
    void atomicListsAreReplacedWhole() {
        Container withArgs = new ContainerBuilder(container("job", "busybox")).withArgs("a", "b").build();
        client.resource(deployment("atomic", List.of(withArgs), 1)).fieldManager("sluice").forceConflicts()
                .serverSideApply();
        Container fewer = new ContainerBuilder(container("job", "busybox")).withArgs("c").build();
        Deployment after = client.resource(deployment("atomic", List.of(fewer), 1)).fieldManager("sluice")
                .forceConflicts().serverSideApply();
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).containsExactly("c");
    }

    @Test
    void dryRunApplyReturnsTheResultButWritesNothing() {
        ConfigMap wouldBe = client.resource(configMap("dry-apply", Map.of(), Map.of("a", "1"))).dryRun()
                .patch(PatchContext.of(PatchType.SERVER_SIDE_APPLY));
        assertThat(wouldBe.getData()).containsEntry("a", "1");
        assertThat(stored("dry-apply")).isNull();

        ConfigMap real = forceApply(configMap("dry-apply", Map.of(), Map.of("a", "1")), "sluice");
        ConfigMap changed = client.resource(configMap("dry-apply", Map.of(), Map.of("a", "2"))).dryRun()
                .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("sluice")
                        .withForce(true).build());
        assertThat(changed.getData()).containsEntry("a", "2");
        ConfigMap after = stored("dry-apply");
        assertThat(after.getData()).containsEntry("a", "1");
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(real.getMetadata().getResourceVersion());
    }

    @Test
    void dryRunConflictsAreReportedToo() {
        apply(configMap("dry-conflict", Map.of(), Map.of("a", "1")), "owner");
        assertThatThrownBy(() -> client.resource(configMap("dry-conflict", Map.of(), Map.of("a", "2"))).dryRun()
                .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("other")
                        .build()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void aYamlApplyBodyIsAcceptedAndAFieldManagerIsRequired() throws Exception {
        // fabric8 always names a manager ("fabric8" by default) and sends JSON; kubectl and curl may send YAML.
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: raw\ndata:\n  k: v\n";
        HttpResponse<String> missing = rawApply("/api/v1/namespaces/" + NS + "/configmaps/raw", yaml);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("fieldManager: Required value");

        HttpResponse<String> created = rawApply("/api/v1/namespaces/" + NS + "/configmaps/raw?fieldManager=curl", yaml);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(stored("raw").getData()).containsEntry("k", "v");
        assertThat(rawApply("/api/v1/namespaces/" + NS + "/configmaps/raw?fieldManager=curl", yaml).statusCode())
                .as("applied again: 200").isEqualTo(200);
    }

    private static HttpResponse<String> rawApply(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.masterUrl() + path))
                .header("Content-Type", "application/apply-patch+yaml").header("Authorization", "Bearer " + cluster.token())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().sslContext(cluster.sslContext()).build().send(request,
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void applyOfAnotherNameOrWithManagedFieldsIsABadRequest() {
        ConfigMap withManagedFields = configMap("bad-apply", Map.of(), Map.of());
        withManagedFields.getMetadata().setManagedFields(List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder()
                .withManager("x").withOperation("Apply").build()));
        assertThatThrownBy(() -> forceApply(withManagedFields, "sluice"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getStatus().getMessage()).contains("metadata.managedFields must be nil");
                });
        client.resource(configMap("one-name", Map.of(), Map.of())).create();
        assertThatThrownBy(() -> client.configMaps().inNamespace(NS).withName("one-name")
                .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("m").build(),
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"other-name\"}}"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getStatus().getMessage()).contains("does not match the name on the URL");
                });
    }

    @Test
    void aStaleResourceVersionInTheConfigurationIsAConflict() {
        ConfigMap created = forceApply(configMap("versioned", Map.of(), Map.of("a", "1")), "sluice");
        forceApply(configMap("versioned", Map.of(), Map.of("a", "2")), "sluice");
        ConfigMap stale = configMap("versioned", Map.of(), Map.of("a", "3"));
        stale.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        assertThatThrownBy(() -> forceApply(stale, "sluice"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void applyToACustomResourceKeepsItsStatusAndStatusIsAppliedThroughTheSubresource() {
        var repo = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("source.toolkit.fluxcd.io/v1").withKind("GitRepository")
                .withNewMetadata().withNamespace(NS).withName("podinfo").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("url", "http://127.0.0.1/podinfo.git", "interval", "1m"),
                        "status", Map.of("observedGeneration", 7)))
                .build();
        var created = client.resource(repo).fieldManager("sluice").forceConflicts().serverSideApply();
        assertThat(created.getAdditionalProperties()).as("status ignored on the main resource").doesNotContainKey("status");

        var status = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("source.toolkit.fluxcd.io/v1").withKind("GitRepository")
                .withNewMetadata().withNamespace(NS).withName("podinfo").endMetadata()
                .withAdditionalProperties(Map.of("status", Map.of("observedGeneration", 1))).build();
        var withStatus = client.resource(status).subresource("status")
                .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager("source-controller").withForce(true).build());
        assertThat(withStatus.get("status", "observedGeneration").toString()).isEqualTo("1");
        assertThat(withStatus.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(withStatus.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager,
                ManagedFieldsEntry::getSubresource).contains(org.assertj.core.groups.Tuple.tuple("source-controller",
                        "status"));

        var reapplied = client.resource(repo).fieldManager("sluice").forceConflicts().serverSideApply();
        assertThat(reapplied.get("status", "observedGeneration").toString()).as("status kept").isEqualTo("1");
        assertThat(reapplied.getMetadata().getResourceVersion()).isEqualTo(withStatus.getMetadata().getResourceVersion());
    }

    private static Container container(String name, String image) {
        return new ContainerBuilder().withName(name).withImage(image).build();
    }

    private static Deployment deployment(String name, List<Container> containers, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withNamespace(NS).withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().withContainers(containers).endSpec()
                .endTemplate().endSpec().build();
    }
}
