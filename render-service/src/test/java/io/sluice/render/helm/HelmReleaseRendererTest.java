package io.sluice.render.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseSpec;
import io.sluice.api.helm.HelmRendering;
import io.sluice.api.helm.KustomizePostRenderer;
import io.sluice.api.helm.PostRenderer;
import io.sluice.api.helm.ValuesReference;
import io.sluice.api.kustomize.Image;
import io.sluice.api.kustomize.Patch;
import io.sluice.api.kustomize.Selector;
import io.sluice.api.meta.ObjectMetadata;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;
import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.artifact.UnpackedArtifact;
import io.sluice.render.substitute.MapVariableSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One HelmRelease rendered from the podinfo case chart: what apply-service receives, and each way it fails. */
class HelmReleaseRendererTest {

    private static final Path PODINFO = Path.of("src/test/resources/helm-cases/podinfo/chart");
    private final HelmReleaseRenderer renderer = new HelmReleaseRenderer(ArtifactLimits.DEFAULT);
    private Path artifact;

    @BeforeEach
    void copyChart() throws IOException {
        artifact = Files.createTempDirectory("chart-artifact-");
        copy(PODINFO, artifact.resolve("podinfo"));
    }

    @AfterEach
    void delete() {
        UnpackedArtifact.deleteTree(artifact);
    }

    @Test
    void theRenderingCarriesTheReleaseAsHelmStoresIt() {
        HelmRelease hr = release("web", "apps", Map.of("replicaCount", 3));
        hr.getSpec().setTargetNamespace("prod");

        HelmRendering rendering = render(hr, new MapVariableSource());

        assertThat(rendering.releaseName()).isEqualTo("prod-web");
        assertThat(rendering.releaseNamespace()).isEqualTo("prod");
        assertThat(rendering.storageNamespace()).isEqualTo("apps");
        assertThat(rendering.chart()).hasToString("podinfo@6.5.4");
        assertThat(rendering.chart().appVersion()).isEqualTo("6.5.4");
        assertThat(rendering.configDigest()).isEqualTo(ReleaseValues.configDigest(Map.of("replicaCount", 3L)));
        assertThat(rendering.generation()).isEqualTo(7);
        JsonNode release = rendering.release();
        assertThat(fieldNames(release)).containsExactly("name", "namespace", "chart", "config", "manifest", "hooks");
        assertThat(release.get("config").toString()).isEqualTo("{\"replicaCount\":3}");
        JsonNode chart = release.get("chart");
        assertThat(fieldNames(chart)).containsExactly("metadata", "lock", "templates", "values", "schema", "schemamodtime", "files");
        assertThat(fieldNames(chart.get("metadata"))).containsExactly("name", "version", "description", "keywords", "maintainers",
                "apiVersion", "appVersion", "annotations", "type");
        assertThat(chart.get("templates")).extracting(t -> t.get("name").asText())
                .containsExactly("templates/NOTES.txt", "templates/_helpers.tpl", "templates/configmap.yaml", "templates/deployment.yaml",
                        "templates/hooks.yaml", "templates/hpa.yaml", "templates/ingress.yaml", "templates/service.yaml",
                        "templates/tests/test-connection.yaml");
        assertThat(chart.get("files")).extracting(f -> f.get("name").asText()).containsExactly(".helmignore");
        assertThat(new String(Base64.getDecoder().decode(chart.get("schema").asText()), StandardCharsets.UTF_8)).contains("\"replicaCount\"");
        assertThat(chart.get("values").get("replicaCount").asInt()).isEqualTo(1);
    }

    @Test
    void theManifestIsPostRenderedWithTheOriginLabelsAndHooksStayApart() {
        HelmRendering rendering = render(release("web", "apps", Map.of()), new MapVariableSource());

        List<Object> objects = YamlReader.readAll(rendering.manifest(), "manifest");
        assertThat(objects).extracting(o -> Values.get(o, "kind")).containsExactly("ConfigMap", "Service", "Deployment");
        for (Object object : objects) {
            assertThat(Values.asMap(Values.get(object, "metadata", "labels")))
                    .containsEntry("helm.toolkit.fluxcd.io/name", "web").containsEntry("helm.toolkit.fluxcd.io/namespace", "apps");
        }
        assertThat(rendering.manifest()).doesNotContain("# Source:").doesNotContain("helm.sh/hook");
        JsonNode hooks = rendering.release().get("hooks");
        assertThat(hooks).extracting(h -> h.get("name").asText() + ":" + h.get("kind").asText())
                .containsExactlyInAnyOrder("web-podinfo-migrate-config:ConfigMap", "web-podinfo-test-connection:Pod",
                        "web-podinfo-migrate:Job", "web-podinfo-notify:Job");
        JsonNode migrate = find(hooks, "web-podinfo-migrate");
        assertThat(migrate.get("events").toString()).isEqualTo("[\"pre-install\",\"pre-upgrade\"]");
        assertThat(migrate.get("weight").asInt()).isEqualTo(-5);
        assertThat(migrate.get("delete_policies").toString()).isEqualTo("[\"before-hook-creation\",\"hook-succeeded\"]");
        assertThat(migrate.get("last_run").toString()).isEqualTo("{\"phase\":\"\"}");
        assertThat(migrate.get("path").asText()).isEqualTo("podinfo/templates/hooks.yaml");
        assertThat(migrate.get("manifest").asText()).contains("\"helm.sh/hook\": pre-install,pre-upgrade")
                .doesNotContain("helm.toolkit.fluxcd.io");
        assertThat(find(hooks, "web-podinfo-test-connection").get("events").toString()).isEqualTo("[\"test\"]");
    }

    @Test
    void valuesComeFromConfigMapsAndSecretsInFluxsOrder() {
        HelmRelease hr = release("web", "apps", Map.of("ui", Map.of("color", "#ffffff")));
        hr.getSpec().setValuesFrom(List.of(
                ref("ConfigMap", "base", null, null, false),
                ref("Secret", "override", "extra.yaml", null, false),
                ref("ConfigMap", "base", "message", "ui.message", false),
                ref("Secret", "missing", null, null, true)));
        MapVariableSource sources = new MapVariableSource()
                .configMap("apps", "base", Map.of("values.yaml", "replicaCount: 2\nui:\n  color: \"#000000\"\n  message: base\n",
                        "message", "hello"))
                .secret("apps", "override", Map.of("extra.yaml", base64("replicaCount: 4\n")));

        Map<String, Object> values = ReleaseValues.compose(hr, sources);

        // later entries override earlier ones key by key; spec.values wins over everything
        assertThat(values).isEqualTo(Map.of("replicaCount", 4L, "ui", Map.of("color", "#ffffff", "message", "hello")));
    }

    @Test
    void aTargetPathValueIsReadAsHelmSetReadsItCommasIncluded() {
        HelmRelease hr = release("web", "apps", Map.of());
        hr.getSpec().setValuesFrom(List.of(ref("ConfigMap", "base", "message", "ui.message", false)));
        MapVariableSource sources = new MapVariableSource().configMap("apps", "base", Map.of("message", "hello, world"));

        assertThatThrownBy(() -> ReleaseValues.compose(hr, sources)).hasMessage("could not resolve ConfigMap chart values reference"
                + " 'apps/base' with key 'message': failed to merge value: key \" world\" has no value");
        // quotes do not protect a comma (Flux hands the unquoted text to strvals.ParseIntoString); a backslash does
        sources.configMap("apps", "base", Map.of("message", "\"hello, world\""));
        assertThatThrownBy(() -> ReleaseValues.compose(hr, sources)).hasMessageEndingWith("key \" world\" has no value");
        sources.configMap("apps", "base", Map.of("message", "hello\\, world"));
        assertThat(ReleaseValues.compose(hr, sources)).isEqualTo(Map.of("ui", Map.of("message", "hello, world")));
        // quoted text stays a string where --set would type it
        sources.configMap("apps", "base", Map.of("message", "'42'"));
        assertThat(ReleaseValues.compose(hr, sources)).isEqualTo(Map.of("ui", Map.of("message", "42")));
        sources.configMap("apps", "base", Map.of("message", "42"));
        assertThat(ReleaseValues.compose(hr, sources)).isEqualTo(Map.of("ui", Map.of("message", 42L)));
    }

    @Test
    void aMissingValuesReferenceIsAValuesError() {
        HelmRelease hr = release("web", "apps", Map.of());
        hr.getSpec().setValuesFrom(List.of(ref("Secret", "tls", "crt", "tls.crt", false)));

        assertThatThrownBy(() -> render(hr, new MapVariableSource()))
                .isInstanceOfSatisfying(HelmRenderException.class, e -> assertThat(e.kind()).isEqualTo(HelmRenderException.Kind.VALUES))
                .hasMessage("could not resolve Secret chart values reference 'apps/tls' with key 'crt': resource not found");
        hr.getSpec().setValuesFrom(List.of(ref("ConfigMap", "cm", null, null, false)));
        assertThatThrownBy(() -> render(hr, new MapVariableSource().configMap("apps", "cm", Map.of("other", "x"))))
                .hasMessage("could not resolve ConfigMap chart values reference 'apps/cm' with key 'values.yaml': key not found");
    }

    @Test
    void valuesTheSchemaRefusesFailTheChart() {
        HelmRelease hr = release("web", "apps", Map.of("replicaCount", "three"));

        assertThatThrownBy(() -> render(hr, new MapVariableSource()))
                .isInstanceOfSatisfying(HelmRenderException.class, e -> assertThat(e.kind()).isEqualTo(HelmRenderException.Kind.CHART))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("replicaCount");
    }

    @Test
    void aTemplateErrorFailsTheChartNamingTheTemplate() throws IOException {
        Files.writeString(artifact.resolve("podinfo/templates/broken.yaml"), "data: {{ .Values.nothing.here }}\n");

        assertThatThrownBy(() -> render(release("web", "apps", Map.of()), new MapVariableSource()))
                .isInstanceOfSatisfying(HelmRenderException.class, e -> assertThat(e.kind()).isEqualTo(HelmRenderException.Kind.CHART))
                .hasMessageContaining("podinfo/templates/broken.yaml")
                .hasMessageNotContaining(System.getProperty("java.io.tmpdir") + "/sluice-helm-");
    }

    @Test
    void anArtifactWithoutAChartIsAnArtifactFailure() throws IOException {
        UnpackedArtifact.deleteTree(artifact.resolve("podinfo"));
        Files.writeString(artifact.resolve("README.md"), "no chart here");

        assertThatThrownBy(() -> render(release("web", "apps", Map.of()), new MapVariableSource()))
                .isInstanceOfSatisfying(HelmRenderException.class, e -> assertThat(e.kind()).isEqualTo(HelmRenderException.Kind.ARTIFACT))
                .hasMessageContaining("is not a Helm chart");
    }

    @Test
    void kustomizePostRenderersPatchesImagesAndCommonMetadata() {
        HelmRelease hr = release("web", "apps", Map.of());
        Patch patch = new Patch();
        patch.setPatch("- op: add\n  path: /metadata/annotations/patched\n  value: \"yes\"\n");
        Selector target = new Selector();
        target.setKind("Deployment");
        patch.setTarget(target);
        Image image = new Image();
        image.setName("ghcr.io/stefanprodan/podinfo");
        image.setNewName("registry.example.com/podinfo");
        image.setNewTag("6.6.0");
        KustomizePostRenderer kustomize = new KustomizePostRenderer();
        kustomize.setPatches(List.of(patch));
        kustomize.setImages(List.of(image));
        PostRenderer postRenderer = new PostRenderer();
        postRenderer.setKustomize(kustomize);
        hr.getSpec().setPostRenderers(List.of(postRenderer));
        ObjectMetadata common = new ObjectMetadata();
        common.setLabels(Map.of("team", "a", "helm.toolkit.fluxcd.io/name", "overridden"));
        common.setAnnotations(Map.of("owner", "team-a"));
        hr.getSpec().setCommonMetadata(common);

        HelmRendering rendering = render(hr, new MapVariableSource());

        List<Object> objects = YamlReader.readAll(rendering.manifest(), "manifest");
        assertThat(objects).extracting(o -> Values.get(o, "kind")).containsExactly("ConfigMap", "Service", "Deployment");
        Object deployment = objects.get(2);
        assertThat(Values.get(deployment, "metadata", "annotations", "patched")).isEqualTo("yes");
        assertThat(rendering.manifest()).contains("image: registry.example.com/podinfo:6.6.0");
        for (Object object : objects) {
            assertThat(Values.asMap(Values.get(object, "metadata", "labels"))).containsEntry("team", "a")
                    .containsEntry("helm.toolkit.fluxcd.io/name", "web");
            assertThat(Values.asMap(Values.get(object, "metadata", "annotations"))).containsEntry("owner", "team-a");
        }
        assertThat(Values.asMap(Values.get(deployment, "spec", "template", "metadata", "labels"))).doesNotContainKey("team");
        assertThat(rendering.postRenderersDigest()).startsWith("sha256:");
        assertThat(rendering.commonMetadataDigest()).startsWith("sha256:");
    }

    @Test
    void theSameInputsGiveTheSameJson() {
        HelmRelease hr = release("web", "apps", Map.of("b", 1, "a", Map.of("z", 1, "y", 2)));
        assertThat(render(hr, new MapVariableSource()).toJson()).isEqualTo(render(hr, new MapVariableSource()).toJson());
        HelmRendering parsed = HelmRendering.parse(render(hr, new MapVariableSource()).toJson());
        assertThat(parsed.toJson()).isEqualTo(render(hr, new MapVariableSource()).toJson());
    }

    private HelmRendering render(HelmRelease hr, MapVariableSource sources) {
        return renderer.render(hr, artifact, "artifact of HelmChart flux-system/apps-web at 6.5.4", sources);
    }

    static HelmRelease release(String name, String namespace, Map<String, Object> values) {
        HelmRelease hr = new HelmRelease();
        hr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withGeneration(7L).build());
        HelmReleaseSpec spec = new HelmReleaseSpec();
        spec.setValues(new LinkedHashMap<>(values));
        hr.setSpec(spec);
        return hr;
    }

    private static ValuesReference ref(String kind, String name, String key, String targetPath, boolean optional) {
        ValuesReference ref = new ValuesReference();
        ref.setKind(kind);
        ref.setName(name);
        ref.setValuesKey(key);
        ref.setTargetPath(targetPath);
        ref.setOptional(optional ? Boolean.TRUE : null);
        return ref;
    }

    private static JsonNode find(JsonNode hooks, String name) {
        for (JsonNode hook : hooks) {
            if (hook.get("name").asText().equals(name)) {
                return hook;
            }
        }
        throw new AssertionError("no hook " + name);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
