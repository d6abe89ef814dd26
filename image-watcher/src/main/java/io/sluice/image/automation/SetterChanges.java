package io.sluice.image.automation;

import io.sluice.api.image.CommitSpec;
import io.sluice.api.image.ImageRef;
import io.sluice.api.meta.ObjectKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Setters over every candidate file of one attempt, and the commit message of what they changed. Markers of the
 * policies {@code applied} accepts are set; those of other known policies are left (pull request mode puts each
 * policy on its own branch); a marker naming no known policy fails the attempt.
 */
final class SetterChanges implements BranchCommitter.Changes {

    private final ObjectKey automation;
    private final CommitSpec commit;
    private final Map<String, ImageRef> policies;
    private final Predicate<String> applied;
    private final UpdateResult result = new UpdateResult();
    private final List<Setters.Problem> problems = new ArrayList<>();

    SetterChanges(ObjectKey automation, CommitSpec commit, Map<String, ImageRef> policies, Predicate<String> applied) {
        this.automation = automation;
        this.commit = commit;
        this.policies = policies;
        this.applied = applied;
    }

    UpdateResult result() {
        return result;
    }

    @Override
    public Optional<String> edit(String path, String text) throws GitPushException {
        Setters.FileUpdate update;
        try {
            update = Setters.apply(path, text, policies, applied, result);
        } catch (IllegalArgumentException e) {
            throw new GitPushException(ImageUpdateAutomationReconciler.UPDATE_FAILED, "failed to update source: " + e.getMessage()
                    + "; nothing was committed", e);
        }
        problems.addAll(update.problems());
        return update.text().equals(text) ? Optional.empty() : Optional.of(update.text());
    }

    @Override
    public void finish() throws GitPushException {
        if (!problems.isEmpty()) {
            throw new GitPushException(ImageUpdateAutomationReconciler.UPDATE_FAILED, "failed to update source, nothing was committed: " + problems.stream()
                    .map(p -> p.file() + " line " + p.line() + ": " + p.message()).collect(Collectors.joining("; ")), null);
        }
    }

    @Override
    public String message() throws GitPushException {
        return CommitMessage.render(commit.getMessageTemplate(), automation, result, commit.getMessageTemplateValues());
    }
}
