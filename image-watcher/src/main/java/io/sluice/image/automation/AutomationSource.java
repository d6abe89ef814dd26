package io.sluice.image.automation;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.image.GitSpec;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.image.ImageUpdateAutomationSpec;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryRef;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.git.GitCredentials;
import io.sluice.image.cluster.Secrets;

import java.time.Duration;

/**
 * Reads where an automation commits: its {@code sourceRef} GitRepository (URL, credentials, timeout, branch) and its
 * {@code spec.git} (checkout branch, push branch, refspec, options), as Flux resolves them.
 */
final class AutomationSource {

    static final String INVALID_SOURCE = "InvalidSourceConfiguration";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final Secrets secrets;

    AutomationSource(KubernetesClient client) {
        this.client = client;
        this.secrets = new Secrets(client);
    }

    /** @throws GitPushException InvalidSourceConfiguration (or AccessDenied) with what to fix */
    BranchUpdate read(ObjectKey key, ImageUpdateAutomation automation) throws GitPushException {
        ImageUpdateAutomationSpec spec = automation.getSpec();
        if (spec.getSourceRef() == null || spec.getSourceRef().getName() == null || spec.getSourceRef().getName().isBlank()) {
            throw invalid("spec.sourceRef.name is empty; name the GitRepository to update");
        }
        String kind = spec.getSourceRef().getKind() == null ? GitRepository.KIND : spec.getSourceRef().getKind();
        if (!GitRepository.KIND.equals(kind)) {
            throw invalid("source kind '" + kind + "' not supported: an ImageUpdateAutomation updates a GitRepository");
        }
        GitSpec git = spec.getGit();
        if (git == null || git.getCommit() == null || git.getCommit().getAuthor() == null
                || git.getCommit().getAuthor().getEmail() == null || git.getCommit().getAuthor().getEmail().isBlank()) {
            throw invalid("spec.git.commit.author.email is required: the automation's commits need an author");
        }
        String namespace = spec.getSourceRef().getNamespace() == null ? key.namespace() : spec.getSourceRef().getNamespace();
        GitRepository repo = client.resources(GitRepository.class).inNamespace(namespace).withName(spec.getSourceRef().getName()).get();
        if (repo == null) {
            throw invalid("referenced git repository does not exist: GitRepository " + namespace + "/" + spec.getSourceRef().getName());
        }
        GitRepositorySpec source = repo.getSpec() == null ? new GitRepositorySpec() : repo.getSpec();
        GitRepositoryRef checkout = git.getCheckout() != null && git.getCheckout().getRef() != null ? git.getCheckout().getRef() : source.getRef();
        String checkoutBranch = checkout == null ? null : checkout.getBranch();
        String pushBranch = git.getPush() != null && git.getPush().getBranch() != null && !git.getPush().getBranch().isBlank()
                ? git.getPush().getBranch() : checkoutBranch;
        if (checkoutBranch == null || checkoutBranch.isBlank()) {
            throw invalid("no branch to check out: set spec.git.checkout.ref.branch (or the GitRepository's spec.ref.branch); "
                    + "Sluice checks out branches only");
        }
        String secretName = null;
        GitCredentials credentials = GitCredentials.none();
        if (source.getSecretRef() != null && source.getSecretRef().getName() != null) {
            secretName = namespace + "/" + source.getSecretRef().getName();
            try {
                credentials = GitCredentials.fromSecretData(secrets.read(namespace, source.getSecretRef().getName(),
                        "spec.secretRef of GitRepository " + namespace + "/" + repo.getMetadata().getName()).values());
            } catch (Secrets.SecretException e) {
                throw new GitPushException("GitOperationFailed", e.getMessage(), e);
            }
        }
        Duration timeout = DEFAULT_TIMEOUT;
        if (source.getTimeout() != null) {
            try {
                timeout = FluxDuration.parse(source.getTimeout(), "spec.timeout of GitRepository " + namespace + "/" + repo.getMetadata().getName());
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        return new BranchUpdate(ObjectKey.of(GitRepository.KIND, namespace, repo.getMetadata().getName()), source.getUrl(), credentials, secretName, checkoutBranch, pushBranch,
                git.getPush() == null ? null : git.getPush().getRefspec(), git.getPush() == null ? null : git.getPush().getOptions(),
                spec.getUpdate() == null ? "" : spec.getUpdate().getPath(), timeout);
    }

    private static GitPushException invalid(String message) {
        return new GitPushException(INVALID_SOURCE, message, null);
    }
}
