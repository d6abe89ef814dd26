package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartObjectsTest {

    static final Path QUICKSTART = Path.of(System.getProperty("sluice.home", "..")).resolve("examples/quickstart");

    @TempDir
    Path flux;

    @Test
    void theShippedQuickstartHasAGitRepositoryAndAKustomization() {
        List<GenericKubernetesResource> objects = QuickstartObjects.load(QUICKSTART.resolve("flux"), "http://127.0.0.1:9999/q.git");

        assertThat(objects).extracting(GenericKubernetesResource::getKind).containsExactly("Kustomization", "Receiver", "GitRepository", "Secret");
        GenericKubernetesResource source = objects.get(2);
        assertThat(source.getApiVersion()).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(source.getMetadata().getNamespace()).isEqualTo("flux-system");
        assertThat(spec(source)).containsEntry("url", "http://127.0.0.1:9999/q.git")
                .containsEntry("interval", "1m")
                .containsEntry("ref", Map.of("branch", "main"));
        GenericKubernetesResource kustomization = objects.get(0);
        assertThat(kustomization.getApiVersion()).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
        assertThat(spec(kustomization)).containsEntry("path", "./deploy").containsEntry("prune", true)
                .containsEntry("sourceRef", Map.of("kind", "GitRepository", "name", source.getMetadata().getName()));
    }

    @Test
    void theKustomizationPathExistsInTheQuickstart() {
        assertThat(QUICKSTART.resolve("deploy/kustomization.yaml")).isRegularFile();
    }

    @Test
    void twoObjectsInOneFileAreRefused() throws Exception {
        Files.writeString(flux.resolve("both.yaml"), Files.readString(QUICKSTART.resolve("flux/quickstart-source.yaml"))
                + "\n---\n" + Files.readString(QUICKSTART.resolve("flux/quickstart-kustomization.yaml")));

        assertThatThrownBy(() -> QuickstartObjects.load(flux, "http://x"))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("both.yaml holds 2 YAML documents");
    }

    @Test
    void otherKindsAreRefused() throws Exception {
        Files.writeString(flux.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: y\n");

        assertThatThrownBy(() -> QuickstartObjects.load(flux, "http://x"))
                .hasMessageContaining("cm.yaml holds a ConfigMap; only [GitRepository, Kustomization, Receiver, Secret, ImageRepository, ImagePolicy, ImageUpdateAutomation]");
    }

    @Test
    void theImagesFolderMovesTheScannedImageToTheRegistryGiven() {
        List<GenericKubernetesResource> images = QuickstartObjects.loadImages(QUICKSTART.resolve("images"), "registry.local:5443");

        assertThat(images).extracting(GenericKubernetesResource::getKind)
                .containsExactlyInAnyOrder("ImageRepository", "ImagePolicy", "ImageUpdateAutomation");
        assertThat(images).filteredOn(o -> o.getKind().equals("ImageRepository"))
                .extracting(o -> (Object) o.get("spec", "image")).containsExactly("registry.local:5443/podinfo");
    }

    @Test
    void anImageWithoutARegistryHostIsRefused() throws Exception {
        Files.writeString(flux.resolve("repo.yaml"), "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\n"
                + "metadata:\n  name: x\n  namespace: y\nspec:\n  image: podinfo\n");

        assertThatThrownBy(() -> QuickstartObjects.loadImages(flux, "r:1"))
                .hasMessageContaining("repo.yaml: spec.image podinfo names no registry host and path");
    }

    @Test
    void anImagesFolderWithoutAnImageRepositoryIsRefused() throws Exception {
        Files.writeString(flux.resolve("policy.yaml"), "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\n"
                + "metadata:\n  name: x\n  namespace: y\nspec: {}\n");

        assertThatThrownBy(() -> QuickstartObjects.loadImages(flux, "r:1"))
                .hasMessageContaining("No ImageRepository in").hasMessageContaining("--registry needs one");
    }

    @Test
    void anObjectWithoutANamespaceIsRefused() throws Exception {
        Files.writeString(flux.resolve("src.yaml"), "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\n"
                + "metadata:\n  name: x\nspec:\n  url: http://old\n");

        assertThatThrownBy(() -> QuickstartObjects.load(flux, "http://x"))
                .hasMessageContaining("src.yaml: metadata.name and metadata.namespace are required");
    }

    @Test
    void aFolderWithoutAGitRepositoryIsRefused() throws Exception {
        Files.copy(QUICKSTART.resolve("flux/quickstart-kustomization.yaml"), flux.resolve("k.yaml"));

        assertThatThrownBy(() -> QuickstartObjects.load(flux, "http://x")).hasMessageContaining("No GitRepository in " + flux);
    }

    @Test
    void invalidYamlNamesTheFile() throws Exception {
        Files.writeString(flux.resolve("bad.yaml"), "kind: [unclosed\n");

        assertThatThrownBy(() -> QuickstartObjects.load(flux, "http://x")).hasMessageContaining("bad.yaml is not a valid Kubernetes object");
    }

    @Test
    void commentOnlyDocumentsAreIgnored() {
        assertThat(QuickstartObjects.documents("---\n# just a comment\n---\nkind: A\n---\n\n")).containsExactly("\nkind: A\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object) {
        return (Map<String, Object>) object.getAdditionalProperties().get("spec");
    }
}
