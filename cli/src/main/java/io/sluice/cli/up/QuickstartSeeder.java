package io.sluice.cli.up;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.sandbox.git.LocalGitServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts the quickstart in place: a repository {@value #REPOSITORY} on the local Git server whose first commit on
 * {@code main} is the content of {@code examples/quickstart/}, and the quickstart's GitRepository and Kustomization
 * (from {@code examples/quickstart/flux/}) in the cluster, pointed at that repository.
 */
public final class QuickstartSeeder {

    public static final String REPOSITORY = "quickstart";
    static final String BRANCH = "main";

    private final Path quickstart;
    private final LocalGitServer git;
    private final KubernetesClient client;

    public QuickstartSeeder(Path quickstart, LocalGitServer git, KubernetesClient client) {
        this.quickstart = realPath(quickstart);
        this.git = git;
        this.client = client;
    }

    /** The folder behind a symbolic link: the Git server copies regular files and would not follow the link. */
    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UpFailedException("Cannot read the quickstart folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** @return the repository's clone URL */
    public String seed() {
        git.seed(REPOSITORY, BRANCH, quickstart, "Quickstart: a podinfo app deployed by Sluice");
        String url = git.url(REPOSITORY).toString();
        new FluxObjectApplier(client).apply(QuickstartObjects.load(quickstart.resolve("flux"), url));
        return url;
    }
}
