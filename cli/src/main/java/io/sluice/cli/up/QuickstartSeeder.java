package io.sluice.cli.up;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.source.GitRepository;
import io.sluice.sandbox.git.LocalGitServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the quickstart in place: a repository {@value #REPOSITORY} on the local Git server whose first commit on
 * {@code main} is the content of {@code examples/quickstart/} (unless the server kept it from an earlier run: then
 * its history, with every push made to it, stays as it is), and the quickstart's GitRepository and Kustomization
 * (from {@code examples/quickstart/flux/}) in the cluster, pointed at that repository, with the webhook Receiver
 * and its token Secret from the same folder. Given a registry ({@code up --registry}), also the image automation of
 * {@code examples/quickstart/images/}: an ImageRepository scanning {@code <registry>/podinfo}, a semver ImagePolicy and
 * an ImageUpdateAutomation committing its choice to the quickstart's {@code deploy/} (the Deployment's image carries
 * the policy's marker).
 */
public final class QuickstartSeeder {

    public static final String REPOSITORY = "quickstart";
    static final String BRANCH = "main";

    private final Path quickstart;
    private final LocalGitServer git;
    private final KubernetesClient client;
    private final Optional<String> registry;

    public QuickstartSeeder(Path quickstart, LocalGitServer git, KubernetesClient client, Optional<String> registry) {
        this.quickstart = realPath(quickstart);
        this.git = git;
        this.client = client;
        this.registry = registry;
    }

    private static String interval(GenericKubernetesResource source) {
        Object interval = source.get("spec", "interval");
        return interval == null ? null : interval.toString();
    }

    /** The folder behind a symbolic link: the Git server copies regular files and would not follow the link. */
    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UpFailedException("Cannot read the quickstart folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * What was seeded.
     *
     * @param repositoryUrl the clone URL of the quickstart repository
     * @param pollInterval  the GitRepository's {@code spec.interval}, e.g. {@code 1m}: how soon a push is fetched
     * @param webhook       the quickstart's Receiver, when flux/ has one
     * @param scannedImage  the image the quickstart's ImageRepository scans, when seeded with a registry
     */
    public record Seeded(String repositoryUrl, String pollInterval, Optional<QuickstartWebhook> webhook, Optional<String> scannedImage) {
    }

    /** True when the Git server already holds the quickstart (kept from an earlier run): it is then not seeded again. */
    public boolean kept() {
        try {
            return git.hasRepository(REPOSITORY) && git.repository(REPOSITORY).resolve("refs/heads/" + BRANCH) != null;
        } catch (IOException e) {
            return false;
        }
    }

    public Seeded seed() {
        if (!kept()) {
            git.seed(REPOSITORY, BRANCH, quickstart, "Quickstart: a podinfo app deployed by Sluice");
        }
        String url = git.url(REPOSITORY).toString();
        List<GenericKubernetesResource> objects = QuickstartObjects.load(quickstart.resolve("flux"), url);
        List<GenericKubernetesResource> images = registry
                .map(host -> QuickstartObjects.loadImages(quickstart.resolve("images"), host)).orElse(List.of());
        FluxObjectApplier applier = new FluxObjectApplier(client);
        applier.apply(objects);
        // After the GitRepository: the automation reads it to know where to commit.
        applier.apply(images);
        String interval = objects.stream().filter(o -> GitRepository.KIND.equals(o.getKind()))
                .map(QuickstartSeeder::interval).filter(Objects::nonNull)
                .findFirst().orElse("its interval");
        Optional<String> scanned = images.stream().filter(o -> ImageRepository.KIND.equals(o.getKind()))
                .map(o -> String.valueOf((Object) o.get("spec", "image"))).findFirst();
        return new Seeded(url, interval, QuickstartWebhook.find(objects), scanned);
    }
}
