package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KindOrderTest {

    private static ObjectRef ref(String apiVersion, String kind, String namespace, String name) {
        return new ObjectRef(apiVersion, kind, namespace, name);
    }

    @Test
    void definitionsAreCrdsNamespacesAndClusterRolesOfTheirOwnGroups() {
        assertThat(KindOrder.stageOf(ref("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "a.b.c"))).isEqualTo(KindOrder.Stage.DEFINITIONS);
        assertThat(KindOrder.stageOf(ref("v1", "Namespace", "", "apps"))).isEqualTo(KindOrder.Stage.DEFINITIONS);
        assertThat(KindOrder.stageOf(ref("rbac.authorization.k8s.io/v1", "ClusterRole", "", "view"))).isEqualTo(KindOrder.Stage.DEFINITIONS);
        // a custom kind that happens to be called Namespace is an ordinary resource
        assertThat(KindOrder.stageOf(ref("example.io/v1", "Namespace", "", "x"))).isEqualTo(KindOrder.Stage.RESOURCES);
        assertThat(KindOrder.stageOf(ref("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "", "view"))).isEqualTo(KindOrder.Stage.RESOURCES);
    }

    @Test
    void kindsEndingInClassAreTheSecondStage() {
        for (String kind : List.of("StorageClass", "IngressClass", "PriorityClass", "RuntimeClass", "GatewayClass", "VolumeSnapshotClass")) {
            assertThat(KindOrder.stageOf(ref("x.io/v1", kind, "", "c"))).as(kind).isEqualTo(KindOrder.Stage.CLASSES);
        }
        assertThat(KindOrder.stageOf(ref("v1", "ConfigMap", "a", "c"))).isEqualTo(KindOrder.Stage.RESOURCES);
    }

    @Test
    void resourcesFollowTheFixedKindOrderWithWebhooksLast() {
        List<ObjectRef> shuffled = new ArrayList<>(List.of(
                ref("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "", "v"),
                ref("apps/v1", "Deployment", "a", "web"),
                ref("networking.k8s.io/v1", "Ingress", "a", "web"),
                ref("v1", "Service", "a", "web"),
                ref("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "", "m"),
                ref("v1", "Secret", "a", "s"),
                ref("v1", "ConfigMap", "a", "c"),
                ref("apps/v1", "StatefulSet", "a", "db"),
                ref("v1", "ServiceAccount", "a", "sa"),
                ref("example.sluice.io/v1", "Widget", "a", "w")));
        shuffled.sort(KindOrder.APPLY_ORDER);
        assertThat(shuffled).extracting(ObjectRef::kind).containsExactly(
                "ServiceAccount", "ConfigMap", "Secret", "Service", "Deployment", "StatefulSet",
                "Widget", "Ingress", // kinds not listed: by group (example.sluice.io < networking.k8s.io)
                "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    }

    @Test
    void tiesGoByNamespaceAndNameWhateverTheInputOrder() {
        List<ObjectRef> refs = new ArrayList<>(List.of(ref("v1", "ConfigMap", "b", "x"), ref("v1", "ConfigMap", "a", "z"), ref("v1", "ConfigMap", "a", "y")));
        refs.sort(KindOrder.APPLY_ORDER);
        assertThat(refs).extracting(ObjectRef::objectName).containsExactly("ConfigMap/a/y", "ConfigMap/a/z", "ConfigMap/b/x");
    }

    @Test
    void deleteOrderPutsNamespacesAndThenCrdsLast() {
        List<ObjectRef> refs = new ArrayList<>(List.of(
                ref("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.sluice.io"),
                ref("v1", "Namespace", "", "apps"),
                ref("v1", "ConfigMap", "apps", "c"),
                ref("apps/v1", "Deployment", "apps", "web")));
        refs.sort(KindOrder.DELETE_ORDER);
        assertThat(refs).extracting(ObjectRef::kind).containsExactly("Deployment", "ConfigMap", "Namespace", "CustomResourceDefinition");
    }

    @Test
    void everyListedKindHasAReasonAndAppearsOnce() {
        assertThat(KindOrder.ORDER).allSatisfy(rank -> assertThat(rank.reason()).isNotBlank());
        assertThat(KindOrder.ORDER).extracting(KindOrder.Rank::kind).doesNotHaveDuplicates().contains(KindOrder.OTHER_KINDS);
        // the stage written beside a kind is the stage stageOf gives it
        assertThat(KindOrder.ORDER).filteredOn(rank -> !rank.kind().equals(KindOrder.OTHER_KINDS)).allSatisfy(rank -> {
            String apiVersion = switch (rank.kind()) {
                case "CustomResourceDefinition" -> "apiextensions.k8s.io/v1";
                case "ClusterRole" -> "rbac.authorization.k8s.io/v1";
                default -> "v1";
            };
            assertThat(KindOrder.stageOf(ref(apiVersion, rank.kind(), "", "n"))).as(rank.kind()).isEqualTo(rank.stage());
        });
    }

    @Test
    void stagesSplitAFixtureAndSortEachStage() {
        List<GenericKubernetesResource> objects = Fixtures.load("crd-and-widget.yaml", "apps");
        Map<KindOrder.Stage, List<GenericKubernetesResource>> stages = KindOrder.stages(objects, ObjectRef::of);
        assertThat(stages.get(KindOrder.Stage.DEFINITIONS)).extracting(GenericKubernetesResource::getKind)
                .containsExactly("CustomResourceDefinition", "Namespace");
        assertThat(stages.get(KindOrder.Stage.CLASSES)).isEmpty();
        assertThat(stages.get(KindOrder.Stage.RESOURCES)).extracting(GenericKubernetesResource::getKind)
                .containsExactly("ConfigMap", "Widget");
    }
}
