package io.sluice.image.automation;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.image.CommitSpec;
import io.sluice.api.image.ImageRef;
import io.sluice.api.image.PullRequestSpec;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.pullrequest.PullRequestException;
import io.sluice.image.pullrequest.PullRequests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Beyond Flux: the pull request mode of an ImageUpdateAutomation ({@code spec.git.push.pullRequest}). Each selected
 * ImagePolicy's change goes on a branch of its own, {@code <branchPrefix><namespace>-<name>}, made from the checkout
 * branch (and replaced when it exists), and a pull request (GitHub) or merge request (GitLab) from it into the base
 * branch is opened, or updated when one is open, with the change summary in its description. A policy whose markers
 * are all current makes no branch.
 */
final class PullRequestMode {

    static final String DEFAULT_PREFIX = "sluice/image-update/";

    /** One request opened or updated. */
    record Opened(String policy, String branch, String commit, String url, boolean created) {
    }

    /** The requests of one run, and the checkout branch's commit they start from. */
    record Result(List<Opened> opened, String checkoutCommit) {
    }

    private final Secrets secrets;
    private final BranchCommitter committer;

    PullRequestMode(KubernetesClient client, BranchCommitter committer) {
        this.secrets = new Secrets(client);
        this.committer = committer;
    }

    Result run(ObjectKey key, PullRequestSpec spec, CommitSpec commit, BranchUpdate update, Map<String, ImageRef> policies,
                     BranchCommitter.Author author) throws GitPushException {
        PullRequests api = api(key, spec);
        String base = spec.getBase() == null || spec.getBase().isBlank() ? update.checkoutBranch() : spec.getBase();
        String prefix = spec.getBranchPrefix() == null || spec.getBranchPrefix().isBlank() ? DEFAULT_PREFIX : spec.getBranchPrefix();
        List<Opened> opened = new ArrayList<>();
        String checkoutCommit = null;
        for (String policy : policies.keySet()) {
            if (policies.get(policy) == null) {
                continue; // no latest image yet
            }
            String branch = prefix + policy.replace(':', '-');
            BranchUpdate own = new BranchUpdate(update.source(), update.url(), update.credentials(), update.secretName(), update.checkoutBranch(),
                    branch, null, update.pushOptions(), update.path(), update.timeout());
            SetterChanges[] last = new SetterChanges[1];
            BranchCommitter.Outcome outcome = committer.update(key, own, author, () -> {
                last[0] = new SetterChanges(key, commit, policies, policy::equals);
                return last[0];
            });
            checkoutCommit = outcome instanceof BranchCommitter.Outcome.Pushed p ? p.checkoutCommit()
                    : ((BranchCommitter.Outcome.NoChange) outcome).checkoutCommit();
            if (outcome instanceof BranchCommitter.Outcome.Pushed pushed) {
                ImageRef image = policies.get(policy);
                String title = "Update " + image.getName() + " to " + image.getTag();
                try {
                    PullRequests.PullRequest request = api.openOrUpdate(branch, base, title, description(key, policy, pushed, last[0].result()));
                    opened.add(new Opened(policy, branch, pushed.commit(), request.url(), request.created()));
                } catch (PullRequestException e) {
                    throw new GitPushException("GitOperationFailed", "pushed branch '" + branch + "' but " + e.getMessage(), null);
                }
            }
        }
        return new Result(opened, checkoutCommit);
    }

    private PullRequests api(ObjectKey key, PullRequestSpec spec) throws GitPushException {
        if (spec.getSecretRef() == null || spec.getSecretRef().getName() == null) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, "spec.git.push.pullRequest.secretRef is required: a Secret with the API token under 'token'", null);
        }
        try {
            String token = secrets.read(key.namespace(), spec.getSecretRef().getName(), "spec.git.push.pullRequest.secretRef").text("token");
            return PullRequests.of(spec.getProvider(), spec.getApiURL(), spec.getRepository(), token);
        } catch (Secrets.SecretException e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, e.getMessage(), e);
        }
    }

    /** The change summary: what changed where, then the commit message. */
    private static String description(ObjectKey automation, String policy, BranchCommitter.Outcome.Pushed pushed, UpdateResult result) {
        StringBuilder text = new StringBuilder("ImageUpdateAutomation `" + automation.namespace() + "/" + automation.name()
                + "` updates the images of ImagePolicy `" + policy.replace(':', '/') + "`:\n\n");
        result.fileChanges().forEach((file, objects) -> objects.forEach((object, changes) -> changes.forEach(change ->
                text.append("- `").append(file).append("`").append(object.kind().isEmpty() ? "" : " (" + object.kind() + " " + object.name() + ")")
                        .append(": `").append(change.oldValue()).append("` → `").append(change.newValue()).append("`\n"))));
        text.append("\nCommit ").append(pushed.commit(), 0, 7).append(":\n\n").append(pushed.message().strip()).append('\n');
        return text.toString();
    }
}
