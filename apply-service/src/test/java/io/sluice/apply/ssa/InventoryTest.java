package io.sluice.apply.ssa;

import io.sluice.api.kustomize.ResourceInventory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryTest {

    @Test
    void idsAreWrittenAsFluxWritesThem() {
        assertThat(new ObjectRef("apps/v1", "Deployment", "apps", "podinfo").inventoryId()).isEqualTo("apps_podinfo_apps_Deployment");
        // core group: empty group field
        assertThat(new ObjectRef("v1", "Service", "apps", "podinfo").inventoryId()).isEqualTo("apps_podinfo__Service");
        // cluster-scoped: empty namespace field
        assertThat(new ObjectRef("v1", "Namespace", null, "apps").inventoryId()).isEqualTo("_apps__Namespace");
        assertThat(new ObjectRef("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", "widgets.example.sluice.io").inventoryId())
                .isEqualTo("_widgets.example.sluice.io_apiextensions.k8s.io_CustomResourceDefinition");
        // RBAC names may hold ':', written as "__"
        assertThat(new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", "", "system:aggregate:view").inventoryId())
                .isEqualTo("_system__aggregate__view_rbac.authorization.k8s.io_ClusterRole");
    }

    @Test
    void entriesParseBackToTheObject() {
        assertThat(new Inventory.Entry("apps_podinfo_apps_Deployment", "v1").ref()).isEqualTo(new ObjectRef("apps/v1", "Deployment", "apps", "podinfo"));
        assertThat(new Inventory.Entry("apps_podinfo__Service", "v1").ref()).isEqualTo(new ObjectRef("v1", "Service", "apps", "podinfo"));
        assertThat(new Inventory.Entry("_apps__Namespace", "v1").ref()).isEqualTo(new ObjectRef("v1", "Namespace", "", "apps"));
        assertThat(new Inventory.Entry("_system__aggregate__view_rbac.authorization.k8s.io_ClusterRole", "v1").ref())
                .isEqualTo(new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", "", "system:aggregate:view"));
    }

    @Test
    void malformedIdsAreRefusedWithTheFormat() {
        assertThatThrownBy(() -> new Inventory.Entry("podinfo", "v1").ref()).hasMessageContaining("<namespace>_<name>_<group>_<kind>");
        assertThatThrownBy(() -> new Inventory.Entry("a_b_c", "v1").ref()).hasMessageContaining("'a_b_c'");
        assertThatThrownBy(() -> new Inventory.Entry("", "v1")).hasMessageContaining("needs an id");
    }

    @Test
    void inventoryIsSortedByIdWithoutDuplicates() {
        Inventory inventory = Inventory.of(List.of(
                new ObjectRef("v1", "Service", "apps", "web"),
                new ObjectRef("apps/v1", "Deployment", "apps", "web"),
                new ObjectRef("v1", "Namespace", "", "apps"),
                new ObjectRef("v1", "Service", "apps", "web")));
        assertThat(inventory.entries()).containsExactly(
                new Inventory.Entry("_apps__Namespace", "v1"),
                new Inventory.Entry("apps_web__Service", "v1"),
                new Inventory.Entry("apps_web_apps_Deployment", "v1"));
    }

    @Test
    void removedInListsWhatLeftIgnoringVersionChanges() {
        Inventory last = new Inventory(List.of(
                new Inventory.Entry("apps_web__Service", "v1"),
                new Inventory.Entry("apps_web_autoscaling_HorizontalPodAutoscaler", "v2beta2"),
                new Inventory.Entry("apps_web_apps_Deployment", "v1")));
        Inventory next = new Inventory(List.of(
                new Inventory.Entry("apps_web_autoscaling_HorizontalPodAutoscaler", "v2"),
                new Inventory.Entry("apps_web_apps_Deployment", "v1")));
        assertThat(last.removedIn(next)).containsExactly(new ObjectRef("v1", "Service", "apps", "web"));
        assertThat(next.removedIn(last)).isEmpty();
    }

    @Test
    void roundTripsThroughTheKustomizationStatus() {
        Inventory inventory = Inventory.of(List.of(new ObjectRef("apps/v1", "Deployment", "apps", "web"), new ObjectRef("v1", "Namespace", "", "apps")));
        ResourceInventory status = inventory.toResourceInventory();
        assertThat(status.getEntries()).extracting(r -> r.getId() + "@" + r.getV())
                .containsExactly("_apps__Namespace@v1", "apps_web_apps_Deployment@v1");
        assertThat(Inventory.from(status)).isEqualTo(inventory);
        assertThat(Inventory.from(null)).isEqualTo(Inventory.empty());
    }
}
