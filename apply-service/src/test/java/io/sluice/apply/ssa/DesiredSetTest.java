package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DesiredSet: rendered YAML to the trees Sluice applies, checked and prepared once. */
class DesiredSetTest {

    private static final ApplyOptions OWNER = ApplyOptions.forKustomization("flux-system", "web");
    private static final String RENDERED = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: apps
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: apps
              resourceVersion: "42"
              uid: 0b6e-stale
              labels:
                team: web
            data:
              mode: fast
            """;

    @Test
    void preparesEachObjectWithOwnerLabelsDigestAndNoServerMetadata() {
        DesiredSet set = DesiredSet.parse(RENDERED, OWNER);

        assertThat(set.refs()).containsExactly(new ObjectRef("v1", "Namespace", "", "apps"),
                new ObjectRef("v1", "ConfigMap", "apps", "settings"));
        ObjectNode configMap = set.objects().get(1).tree();
        assertThat(configMap.path("metadata").path("labels").path(ApplyOptions.NAME_LABEL).asText()).isEqualTo("web");
        assertThat(configMap.path("metadata").path("labels").path(ApplyOptions.NAMESPACE_LABEL).asText()).isEqualTo("flux-system");
        assertThat(configMap.path("metadata").path("labels").path("team").asText()).isEqualTo("web");
        assertThat(configMap.path("metadata").has("resourceVersion")).isFalse();
        assertThat(configMap.path("metadata").has("uid")).isFalse();
        assertThat(configMap.path("metadata").path("annotations").path(AppliedDigest.ANNOTATION).asText())
                .isEqualTo(AppliedDigest.of(configMap));
    }

    @Test
    void preparesEachObjectOnceAndWritesEachBodyOnce() {
        DesiredSet set = DesiredSet.parse(RENDERED, OWNER);

        DesiredObject configMap = set.objects().get(1);
        ObjectNode tree = configMap.tree();
        String digest = tree.path("metadata").path("annotations").path(AppliedDigest.ANNOTATION).asText();
        String body = configMap.body();

        assertThat(set.objects().get(1)).isSameAs(configMap);
        assertThat(configMap.tree()).isSameAs(tree);
        assertThat(configMap.tree().path("metadata").path("annotations").path(AppliedDigest.ANNOTATION).asText()).isEqualTo(digest);
        assertThat(configMap.body()).isSameAs(body).contains("\"mode\":\"fast\"").contains(digest);
    }

    @Test
    void sameObjectsFromYamlAndFromObjectsGiveTheSameTrees() {
        DesiredSet parsed = DesiredSet.parse(RENDERED, OWNER);
        DesiredSet copied = DesiredSet.of(Manifests.parse(RENDERED), OWNER);

        assertThat(copied.objects().get(1).tree()).isEqualTo(parsed.objects().get(1).tree());
    }

    @Test
    void neverChangesTheCallersObjects() {
        List<GenericKubernetesResource> objects = Manifests.parse(RENDERED);

        DesiredSet.of(objects, OWNER).objects().forEach(DesiredObject::body);

        assertThat(objects.get(1).getMetadata().getLabels()).containsOnlyKeys("team");
        assertThat(objects.get(1).getMetadata().getResourceVersion()).isEqualTo("42");
    }

    @Test
    void knowsWhichKustomizationItWasPreparedFor() {
        DesiredSet set = DesiredSet.parse(RENDERED, OWNER);

        assertThat(set.preparedFor(OWNER.withForce(true))).isTrue();
        assertThat(set.preparedFor(ApplyOptions.forKustomization("flux-system", "api"))).isFalse();
        assertThat(set.preparedFor(ApplyOptions.forKustomization("apps", "web"))).isFalse();
    }

    @Test
    void refusesAnObjectRenderedTwice() {
        assertThatThrownBy(() -> DesiredSet.parse(RENDERED + "---\n" + RENDERED.substring(RENDERED.indexOf("apiVersion: v1\nkind: ConfigMap")), OWNER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConfigMap/apps/settings (v1) appears twice in the manifests");
    }

    @Test
    void refusesADocumentThatIsNoObjectNamingItsPosition() {
        assertThatThrownBy(() -> DesiredSet.parse(RENDERED + "---\n- just\n- a list\n", OWNER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YAML document 3 is not a mapping but ARRAY");
    }

    @Test
    void refusesAnObjectWithoutNameNamingItsPosition() {
        assertThatThrownBy(() -> DesiredSet.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: apps\n", OWNER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YAML document 1: manifest without apiVersion, kind or metadata.name");
        assertThatThrownBy(() -> DesiredSet.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: settings\n", OWNER))
                .hasMessageContaining("YAML document 1: manifest without apiVersion, kind or metadata.name");
    }

    @Test
    void refusesYamlThatDoesNotParse() {
        assertThatThrownBy(() -> DesiredSet.parse("apiVersion: v1\nkind: [ConfigMap\n", OWNER))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("manifests are not valid YAML");
    }
}
