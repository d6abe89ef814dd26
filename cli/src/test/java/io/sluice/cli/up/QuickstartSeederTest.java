package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.git.LocalGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds the shipped quickstart into a real sandbox API and Git server, then reads it back as a user would. */
class QuickstartSeederTest {

    private static SandboxCluster cluster;
    private static LocalGitServer git;
    private static String url;
    private static QuickstartSeeder.Seeded seeded;
    /** The ImageRepository after the seeding without a registry (a later test seeds with one). */
    private static GenericKubernetesResource imageRepositoryWithoutRegistry;

    @TempDir
    Path clone;

    @BeforeAll
    static void seed() {
        cluster = SandboxCluster.start();
        git = LocalGitServer.builder().allowAnonymousPush().start();
        seeded = new QuickstartSeeder(QuickstartObjectsTest.QUICKSTART, git, cluster.client(), Optional.empty()).seed();
        url = seeded.repositoryUrl();
        imageRepositoryWithoutRegistry = get(ImageRepository.class, "podinfo");
    }

    @AfterAll
    static void stop() {
        git.close();
        cluster.close();
    }

    @Test
    void theRepositoryHoldsTheQuickstartOnMain() throws Exception {
        assertThat(url).isEqualTo(git.url("quickstart").toString());

        try (Git cloned = Git.cloneRepository().setURI(url).setDirectory(clone.toFile()).setBranch("main").call()) {
            assertThat(cloned.getRepository().getBranch()).isEqualTo("main");
            assertThat(clone.resolve("deploy/kustomization.yaml")).hasSameTextualContentAs(
                    QuickstartObjectsTest.QUICKSTART.resolve("deploy/kustomization.yaml"));
            assertThat(clone.resolve("flux/quickstart-source.yaml")).isRegularFile();
            assertThat(cloned.log().call()).hasSize(1);
        }
    }

    @Test
    void theRepositoryAcceptsAPushLikeTheRecipeSays() throws Exception {
        try (Git cloned = Git.cloneRepository().setURI(url).setDirectory(clone.toFile()).call()) {
            Path configMap = clone.resolve("deploy/configmap.yaml");
            Files.writeString(configMap, Files.readString(configMap).replace("Hello from Sluice", "Hello again"));
            cloned.commit().setAll(true).setMessage("Change the greeting").setSign(false).call();

            cloned.push().call();

            assertThat(git.repository("quickstart").resolve("refs/heads/main"))
                    .isEqualTo(cloned.getRepository().resolve("HEAD"));
        }
    }

    @Test
    void theGitRepositoryPointsAtTheNewRepository() {
        GenericKubernetesResource source = get(GitRepository.class, "quickstart");

        assertThat(source).isNotNull();
        assertThat(spec(source)).containsEntry("url", url).containsEntry("ref", Map.of("branch", "main"));
    }

    @Test
    void theKustomizationDeploysTheDeployFolder() {
        GenericKubernetesResource kustomization = get(Kustomization.class, "quickstart");

        assertThat(kustomization).isNotNull();
        assertThat(spec(kustomization)).containsEntry("path", "./deploy").containsEntry("prune", true);
    }

    @Test
    void theReceiverAndItsTokenSecretAreInTheClusterAndTheWebhookPathFollowsFluxsFormula() {
        GenericKubernetesResource receiver = get(Receiver.class, "quickstart");
        assertThat(receiver).isNotNull();
        assertThat(spec(receiver)).containsEntry("type", "generic-hmac").containsEntry("secretRef", Map.of("name", "quickstart-webhook-token"));
        assertThat(cluster.client().secrets().inNamespace("flux-system").withName("quickstart-webhook-token").get()).isNotNull();

        QuickstartWebhook webhook = seeded.webhook().orElseThrow();
        // printf %s quickstart-local-tokenquickstartflux-system | sha256sum
        assertThat(webhook.path()).isEqualTo("/hook/8ae22e1d06d5d8a54494e0c0e8c2da362b57384eaa10c3948a5d4191a3b092c5");
        assertThat(webhook.receiver()).isEqualTo("flux-system/quickstart");
        assertThat(seeded.pollInterval()).isEqualTo("1m");
    }

    @Test
    void seedingTheObjectsAgainUpdatesInsteadOfFailing() {
        new FluxObjectApplier(cluster.client()).apply(QuickstartObjects.load(
                QuickstartObjectsTest.QUICKSTART.resolve("flux"), "http://127.0.0.1:1/git/other.git"));

        assertThat(spec(get(GitRepository.class, "quickstart"))).containsEntry("url", "http://127.0.0.1:1/git/other.git");
        new FluxObjectApplier(cluster.client()).apply(QuickstartObjects.load(QuickstartObjectsTest.QUICKSTART.resolve("flux"), url));
    }

    @Test
    void withoutARegistryNoImageAutomationIsSeeded() {
        assertThat(imageRepositoryWithoutRegistry).isNull();
        assertThat(seeded.scannedImage()).isEmpty();
    }

    @Test
    void withARegistryTheImageAutomationScansItAndCommitsToTheQuickstartsDeployFolder() {
        QuickstartSeeder.Seeded withImages = new QuickstartSeeder(QuickstartObjectsTest.QUICKSTART, git, cluster.client(),
                Optional.of("127.0.0.1:5999")).seed();

        assertThat(withImages.scannedImage()).contains("127.0.0.1:5999/podinfo");
        assertThat(spec(get(ImageRepository.class, "podinfo"))).containsEntry("image", "127.0.0.1:5999/podinfo")
                .containsEntry("insecure", true);
        assertThat(spec(get(ImagePolicy.class, "podinfo"))).containsEntry("imageRepositoryRef", Map.of("name", "podinfo"));
        Map<String, Object> automation = spec(get(ImageUpdateAutomation.class, "quickstart"));
        assertThat(automation).containsEntry("sourceRef", Map.of("kind", "GitRepository", "name", "quickstart"))
                .containsEntry("update", Map.of("strategy", "Setters", "path", "./deploy"));
    }

    @Test
    void theQuickstartDeploymentCarriesTheMarkerOfTheSeededPolicy() throws Exception {
        GenericKubernetesResource policy = QuickstartObjects.loadImages(QuickstartObjectsTest.QUICKSTART.resolve("images"), "r:1")
                .stream().filter(o -> ImagePolicy.KIND.equals(o.getKind())).findFirst().orElseThrow();
        String marker = "{\"$imagepolicy\": \"" + policy.getMetadata().getNamespace() + ":" + policy.getMetadata().getName() + "\"}";

        assertThat(Files.readString(QuickstartObjectsTest.QUICKSTART.resolve("deploy/deployment.yaml")))
                .contains("image: ghcr.io/stefanprodan/podinfo:6.7.1 # " + marker);
    }

    private static GenericKubernetesResource get(Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type, String name) {
        return cluster.client().genericKubernetesResources(ResourceDefinitionContext.fromResourceType(type))
                .inNamespace("flux-system").withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object) {
        return (Map<String, Object>) object.getAdditionalProperties().get("spec");
    }
}
