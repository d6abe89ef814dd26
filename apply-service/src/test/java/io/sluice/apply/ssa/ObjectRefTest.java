package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which object: its parts, Flux's inventory id, how messages name it, and what is refused. */
class ObjectRefTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void groupAndVersionComeFromTheApiVersion() {
        ObjectRef deployment = new ObjectRef("apps/v1", "Deployment", "apps", "web");
        ObjectRef configMap = new ObjectRef("v1", "ConfigMap", "apps", "settings");

        assertThat(deployment.group()).isEqualTo("apps");
        assertThat(deployment.version()).isEqualTo("v1");
        assertThat(configMap.group()).as("core group").isEmpty();
        assertThat(configMap.version()).isEqualTo("v1");
    }

    @Test
    void theInventoryIdIsFluxs() {
        assertThat(new ObjectRef("apps/v1", "Deployment", "apps", "web").inventoryId()).isEqualTo("apps_web_apps_Deployment");
        assertThat(new ObjectRef("v1", "Service", "apps", "web").inventoryId()).isEqualTo("apps_web__Service");
        assertThat(new ObjectRef("v1", "Namespace", null, "apps").inventoryId()).isEqualTo("_apps__Namespace");
        assertThat(new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", "", "system:aggregate:view").inventoryId())
                .as("':' in an RBAC name is written '__'")
                .isEqualTo("_system__aggregate__view_rbac.authorization.k8s.io_ClusterRole");
        assertThat(new ObjectRef("v1", "ConfigMap", "apps", "a:b").inventoryId()).as("only RBAC names").isEqualTo("apps_a:b__ConfigMap");
    }

    @Test
    void messagesNameTheObjectAsFluxDoes() {
        assertThat(new ObjectRef("apps/v1", "Deployment", "apps", "web").objectName()).isEqualTo("Deployment/apps/web");
        assertThat(new ObjectRef("v1", "Namespace", "", "apps")).hasToString("Namespace/apps");
    }

    @Test
    void theSameObjectIsTheSameWhateverItsVersion() {
        ObjectRef v2 = new ObjectRef("autoscaling/v2", "HorizontalPodAutoscaler", "apps", "web");

        assertThat(v2.sameObject(new ObjectRef("autoscaling/v2beta2", "HorizontalPodAutoscaler", "apps", "web"))).isTrue();
        assertThat(v2.sameObject(new ObjectRef("autoscaling/v2", "HorizontalPodAutoscaler", "other", "web"))).isFalse();
        assertThat(v2.sameObject(new ObjectRef("policy/v2", "HorizontalPodAutoscaler", "apps", "web"))).as("another group").isFalse();
    }

    @Test
    void anObjectOrATreeGivesTheSameReference() throws Exception {
        ObjectRef fromObject = ObjectRef.of(new ConfigMapBuilder().withNewMetadata().withNamespace("apps").withName("settings").endMetadata().build());
        ObjectRef fromTree = ObjectRef.of(JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"namespace\":\"apps\",\"name\":\"settings\"}}"));

        assertThat(fromObject).isEqualTo(fromTree).isEqualTo(new ObjectRef("v1", "ConfigMap", "apps", "settings"));
        assertThat(ObjectRef.of(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build()).namespace()).isEmpty();
    }

    @Test
    void aManifestWithoutApiVersionKindOrNameIsRefusedNamingWhatItHas() throws Exception {
        assertThatThrownBy(() -> ObjectRef.of(JSON.readTree("{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("manifest without apiVersion, kind or metadata.name: apiVersion=v1, kind=null, name=x;"
                        + " every rendered object needs all three");
        assertThatThrownBy(() -> ObjectRef.of(JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":7}}")))
                .as("a name that is no string").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=null");
        assertThatThrownBy(() -> new ObjectRef("v1", " ", "apps", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind=' '");
    }
}
