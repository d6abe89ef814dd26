package io.sluice.render.build;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.kustomize.Image;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.kustomize.Patch;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.api.kustomize.Selector;
import io.sluice.api.meta.ObjectMetadata;
import io.sluice.render.substitute.MapVariableSource;
import io.sluice.render.substitute.VariableSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KustomizationRendererTest {

    private static final Path FIXTURES = Path.of("src/test/resources/render");
    private static final String WHAT = "artifact of GitRepository flux-system/app at main@sha1:3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";

    private final KustomizationRenderer renderer = new KustomizationRenderer(true);

    static Kustomization ks(String path) {
        KustomizationSpec spec = new KustomizationSpec();
        spec.setPath(path);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace("flux-system").withName("app").build());
        ks.setSpec(spec);
        return ks;
    }

    private RenderedSet render(String root, Kustomization ks) {
        return renderer.render(FIXTURES.resolve(root), ks, WHAT, VariableSource.none());
    }

    private static List<String> ids(RenderedSet set) {
        return set.objects().stream().map(RenderedObject::describe).toList();
    }

    private static RenderedObject find(RenderedSet set, String describe) {
        return set.objects().stream().filter(o -> o.describe().equals(describe)).findFirst()
                .orElseThrow(() -> new AssertionError(describe + " not rendered; got " + ids(set)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    // --- plain folders ------------------------------------------------------------------------------------------

    @Test
    void folder_without_kustomization_renders_all_manifests_recursively() {
        RenderedSet set = render("plain", ks("./"));

        assertThat(ids(set)).containsExactlyInAnyOrder(
                "Namespace/infra", "ConfigMap/db-config", "ConfigMap/db-extra", "Service/web", "Deployment/web");
        // a sub-folder with its own kustomization.yaml counts as one resource: its unlisted file stays out
        assertThat(ids(set)).doesNotContain("ConfigMap/not-listed-in-its-kustomization");
        // .gitlab-ci.yml and .github/ are skipped as Flux's source-controller leaves them out of artifacts
        assertThat(set.yaml()).doesNotContain("stages").doesNotContain("jobs");
    }

    @Test
    void rendering_leaves_the_artifact_untouched(@TempDir Path tmp) throws IOException {
        Path copy = copyTree(FIXTURES.resolve("overlay"), tmp.resolve("a"));
        String before = snapshot(copy);
        Kustomization k = ks("./prod");
        k.getSpec().setNamePrefix("x-");

        renderer.render(copy, k, WHAT, new MapVariableSource());

        assertThat(snapshot(copy)).isEqualTo(before);
    }

    @Test
    void non_kubernetes_yaml_in_a_plain_folder_fails_naming_the_file() {
        assertThatThrownBy(() -> render("notk8s", ks("./")))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("BuildFailed"))
                .hasMessageContaining("failed to decode Kubernetes YAML from values.yaml")
                .hasMessageContaining("has no apiVersion");
    }

    @Test
    void empty_folder_renders_nothing(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));

        RenderedSet set = renderer.render(tmp, ks("./empty"), WHAT, VariableSource.none());

        assertThat(set.objects()).isEmpty();
        assertThat(set.yaml()).isEmpty();
    }

    // --- spec.path ----------------------------------------------------------------------------------------------

    @Test
    void missing_path_is_artifact_failed_naming_path_and_source() {
        assertThatThrownBy(() -> render("overlay", ks("./deploy/prod")))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("ArtifactFailed"))
                .hasMessage("kustomization path './deploy/prod' not found in " + WHAT);
    }

    @Test
    void path_escaping_the_artifact_is_rejected() {
        assertThatThrownBy(() -> render("overlay", ks("./prod/../../plain")))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("ArtifactFailed"))
                .hasMessageContaining("spec.path './prod/../../plain' points outside the " + WHAT);
    }

    @Test
    void path_forms_are_relative_to_the_root() {
        assertThat(ids(render("overlay", ks("prod")))).isEqualTo(ids(render("overlay", ks("/prod/"))));
    }

    // --- overrides ----------------------------------------------------------------------------------------------

    @Test
    void kustomization_file_is_built_as_is_without_overrides() {
        RenderedSet set = render("overlay", ks("./prod"));

        assertThat(ids(set)).containsExactlyInAnyOrder("ConfigMap/from-file/file-settings", "ConfigMap/from-file/file-raw",
                "Service/from-file/file-web", "Deployment/from-file/file-web");
        assertThat(find(set, "Deployment/from-file/file-web").yaml()).contains("image: ghcr.io/acme/web:1.0.1");
    }

    @Test
    void target_namespace_prefix_and_suffix_replace_the_files_own() {
        Kustomization k = ks("./prod");
        k.getSpec().setTargetNamespace("team-a");
        k.getSpec().setNamePrefix("p-");
        k.getSpec().setNameSuffix("-s");

        RenderedSet set = render("overlay", k);

        assertThat(ids(set)).containsExactlyInAnyOrder("ConfigMap/team-a/p-settings-s", "ConfigMap/team-a/p-raw-s",
                "Service/team-a/p-web-s", "Deployment/team-a/p-web-s");
    }

    @Test
    void common_metadata_goes_on_every_object_but_not_into_selectors() {
        Kustomization k = ks("./prod");
        ObjectMetadata common = new ObjectMetadata();
        common.setLabels(Map.of("team", "a", "app", "overridden"));
        common.setAnnotations(Map.of("owner", "team-a@example.com"));
        k.getSpec().setCommonMetadata(common);

        RenderedSet set = render("overlay", k);

        for (RenderedObject o : set.objects()) {
            Map<String, Object> meta = map(o.object().get("metadata"));
            assertThat(map(meta.get("labels"))).as(o.describe()).containsEntry("team", "a");
            assertThat(map(meta.get("annotations"))).as(o.describe()).containsEntry("owner", "team-a@example.com");
        }
        Map<String, Object> deployment = find(set, "Deployment/from-file/file-web").object();
        assertThat(map(map(deployment.get("metadata")).get("labels"))).containsEntry("app", "overridden");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat(map(map(spec.get("selector")).get("matchLabels"))).isEqualTo(Map.of("app", "web"));
        assertThat(map(map(map(spec.get("template")).get("metadata")).get("labels"))).isEqualTo(Map.of("app", "web"));
        assertThat(map(find(set, "Service/from-file/file-web").object().get("spec")).get("selector")).isEqualTo(Map.of("app", "web"));
    }

    @Test
    void patches_apply_to_their_targets_only() {
        Kustomization k = ks("./prod");
        Patch patch = new Patch();
        patch.setPatch("""
                - op: add
                  path: /metadata/annotations/patched
                  value: "yes"
                """);
        Selector target = new Selector();
        target.setKind("ConfigMap");
        target.setName("settings");   // patches of a kustomization see names before its namePrefix
        patch.setTarget(target);
        Patch replicas = new Patch();
        replicas.setPatch("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 4
                """);
        k.getSpec().setPatches(List.of(patch, replicas));

        RenderedSet set = render("overlay", k);

        assertThat(map(map(find(set, "ConfigMap/from-file/file-settings").object().get("metadata")).get("annotations")))
                .containsEntry("patched", "yes");
        assertThat(find(set, "ConfigMap/from-file/file-raw").yaml()).doesNotContain("patched");
        assertThat(map(find(set, "Deployment/from-file/file-web").object().get("spec"))).containsEntry("replicas", 4L);
    }

    @Test
    void images_update_a_matching_entry_field_by_field_or_are_added() {
        Kustomization k = ks("./prod");
        Image tag = new Image();
        tag.setName("ghcr.io/acme/web");
        tag.setNewName("registry.example.com/web");   // newTag 1.0.1 from the file stays
        k.getSpec().setImages(List.of(tag));

        assertThat(find(render("overlay", k), "Deployment/from-file/file-web").yaml())
                .contains("image: registry.example.com/web:1.0.1");

        Image digest = new Image();
        digest.setName("ghcr.io/acme/web");
        digest.setDigest("sha256:" + "a".repeat(64));   // replaces the file's newTag: tag and digest go together
        k.getSpec().setImages(List.of(digest));

        assertThat(find(render("overlay", k), "Deployment/from-file/file-web").yaml())
                .contains("image: ghcr.io/acme/web@sha256:" + "a".repeat(64));
    }

    @Test
    void components_are_added_and_missing_ones_fail_unless_ignored() {
        Kustomization k = ks("./prod");
        k.getSpec().setComponents(List.of("../components/monitoring"));
        assertThat(ids(render("overlay", k))).contains("ConfigMap/from-file/file-monitoring");

        k.getSpec().setComponents(List.of("../components/monitoring", "../components/absent"));
        assertThatThrownBy(() -> render("overlay", k))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("BuildFailed"))
                .hasMessageContaining("kustomize build failed");

        k.getSpec().setIgnoreMissingComponents(true);
        assertThat(ids(render("overlay", k))).contains("ConfigMap/from-file/file-monitoring");
    }

    @Test
    void remote_or_absolute_components_are_rejected() {
        Kustomization k = ks("./prod");
        k.getSpec().setComponents(List.of("https://github.com/acme/components//x"));
        assertThatThrownBy(() -> render("overlay", k)).hasMessageContaining("must be local and relative");
        k.getSpec().setComponents(List.of("/etc"));
        assertThatThrownBy(() -> render("overlay", k)).hasMessageContaining("must be local and relative");
        k.getSpec().setComponents(List.of("../../../outside"));
        assertThatThrownBy(() -> render("overlay", k)).hasMessageContaining("points outside the artifact");
    }

    @Test
    void overrides_apply_to_a_kustomization_yml_or_Kustomization_file(@TempDir Path tmp) throws IOException {
        for (String fileName : List.of("kustomization.yml", "Kustomization")) {
            Path root = tmp.resolve(fileName);
            Files.createDirectories(root);
            Files.writeString(root.resolve(fileName), "resources:\n  - cm.yaml\n");
            Files.writeString(root.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n");
            Kustomization k = ks("./");
            k.getSpec().setTargetNamespace("target");

            assertThat(ids(renderer.render(root, k, WHAT, VariableSource.none()))).as(fileName).containsExactly("ConfigMap/target/cm");
        }
    }

    @Test
    void kustomization_with_only_generators_builds_as_in_flux(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("kustomization.yaml"),
                "configMapGenerator:\n  - name: gen\n    literals:\n      - a=b\ngeneratorOptions:\n  disableNameSuffixHash: true\n");

        RenderedSet set = renderer.render(tmp, ks("./"), WHAT, VariableSource.none());

        assertThat(ids(set)).containsExactly("ConfigMap/gen");
    }

    // --- postBuild ----------------------------------------------------------------------------------------------

    @Test
    void post_build_substitutes_after_the_build_and_honours_opt_out() {
        Kustomization k = ks("./prod");
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(Map.of("cluster_name", "prod-1", "replicas", "3"));
        k.getSpec().setPostBuild(postBuild);

        RenderedSet set = render("overlay", k);

        assertThat(find(set, "ConfigMap/from-file/file-settings").yaml())
                .contains("note: cluster prod-1 in eu-west-1, literal ${kept}")
                // as in Flux: the object is printed through JSON (quotes are gone), so a number lands as a number
                .contains("replicas: 3\n");
        assertThat(find(set, "ConfigMap/from-file/file-raw").yaml()).contains("echo ${HOME}");
    }

    @Test
    void post_build_unset_variable_fails_in_strict_mode() {
        Kustomization k = ks("./prod");
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(Map.of("cluster_name", "prod-1"));
        k.getSpec().setPostBuild(postBuild);

        assertThatThrownBy(() -> render("overlay", k))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("BuildFailed"))
                .hasMessageContaining("post build failed for 'ConfigMap/from-file/file-settings'")
                .hasMessageContaining("\"replicas\"");
    }

    // --- build errors -------------------------------------------------------------------------------------------

    @Test
    void unknown_kustomize_field_fails_naming_the_file(@TempDir Path tmp) throws IOException {
        Path root = copyTree(FIXTURES.resolve("overlay"), tmp.resolve("a"));
        Files.writeString(root.resolve("base/kustomization.yaml"), "resources:\n  - deployment.yaml\nfrobnicate: true\n");

        assertThatThrownBy(() -> renderer.render(root, ks("./prod"), WHAT, VariableSource.none()))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("BuildFailed"))
                .hasMessageContaining("base/kustomization.yaml")
                .hasMessageContaining("frobnicate")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(tmp.toString()).doesNotContain("sluice-render-"));
    }

    @Test
    void malformed_yaml_fails_naming_the_file(@TempDir Path tmp) throws IOException {
        Path root = copyTree(FIXTURES.resolve("overlay"), tmp.resolve("a"));
        Files.writeString(root.resolve("prod/config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: [name\n");

        assertThatThrownBy(() -> renderer.render(root, ks("./prod"), WHAT, VariableSource.none()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("prod/config.yaml")
                .hasMessageContaining("malformed YAML");
    }

    // --- digest -------------------------------------------------------------------------------------------------

    @Test
    void same_inputs_give_the_same_digest_and_a_change_gives_another() {
        Kustomization k = ks("./prod");
        RenderedSet first = render("overlay", k);
        RenderedSet second = render("overlay", ks("./prod"));

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.yaml()).isEqualTo(first.yaml());

        k.getSpec().setNameSuffix("-v2");
        assertThat(render("overlay", k).digest()).isNotEqualTo(first.digest());
    }

    @Test
    void digest_does_not_depend_on_file_order(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        String cm1 = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n";
        String cm2 = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n";
        Files.writeString(a.resolve("1.yaml"), cm1);
        Files.writeString(a.resolve("2.yaml"), cm2);
        Files.writeString(b.resolve("1.yaml"), cm2);
        Files.writeString(b.resolve("2.yaml"), cm1);

        assertThat(renderer.render(b, ks("./"), WHAT, VariableSource.none()).digest())
                .isEqualTo(renderer.render(a, ks("./"), WHAT, VariableSource.none()).digest());
    }

    @Test
    void stream_is_the_documents_joined_by_separators_and_digest_is_its_sha256() {
        RenderedSet set = render("overlay", ks("./prod"));

        assertThat(set.yaml()).isEqualTo(String.join("---\n", set.objects().stream().map(RenderedObject::yaml).toList()));
        assertThat(set.digest()).isEqualTo(io.sluice.api.events.Digest.sha256(set.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }

    private static String snapshot(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                sb.append(root.relativize(p)).append('\n');
                if (Files.isRegularFile(p)) {
                    sb.append(Files.readString(p));
                }
            }
        }
        return sb.toString();
    }
}
