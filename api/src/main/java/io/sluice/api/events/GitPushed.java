package io.sluice.api.events;

import java.time.Instant;

/**
 * A Git host reported a push. Produced by webhook-gateway on {@code git.push}; source-service fetches every
 * GitRepository whose URL has the same {@link RepoUrl#normalize normalized} key.
 *
 * @param provider   the Git host that sent the webhook
 * @param repository the repository's clone URLs as the host reported them
 * @param ref        the full ref that moved, e.g. {@code refs/heads/main} or {@code refs/tags/v1.2.0}
 * @param before     the commit the ref pointed at before the push (all zeros for a new ref); may be null when
 *                   the host does not say
 * @param after      the commit the ref points at now (all zeros when the ref was deleted)
 * @param deliveryId the host's delivery id ({@code X-GitHub-Delivery}, …), for tracing and de-duplication
 * @param receivedAt when the gateway received the webhook
 */
public record GitPushed(GitProvider provider, CloneUrls repository, String ref, String before, String after,
                        String deliveryId, Instant receivedAt) implements SluiceEvent {

    private static final String NAME = "GitPushed";

    public GitPushed {
        Require.present(provider, NAME, "provider");
        Require.present(repository, NAME, "repository");
        Require.text(ref, NAME, "ref");
        before = before == null ? null : Require.commit(before, NAME, "before");
        after = Require.commit(after, NAME, "after");
        Require.text(deliveryId, NAME, "deliveryId");
        Require.present(receivedAt, NAME, "receivedAt");
    }

    /** The normalized repository URL, e.g. {@code https://github.com/org/repo}. */
    @Override
    public String subject() {
        return repository.key();
    }

    @Override
    public EventType eventType() {
        return EventType.GIT_PUSHED;
    }

    /** True when the push deleted the ref (the new commit is all zeros). */
    public boolean refDeleted() {
        return after.chars().allMatch(c -> c == '0');
    }

    /** The ref without {@code refs/heads/} or {@code refs/tags/}: {@code main}, {@code v1.2.0}. */
    public String shortRef() {
        if (ref.startsWith("refs/heads/")) {
            return ref.substring("refs/heads/".length());
        }
        if (ref.startsWith("refs/tags/")) {
            return ref.substring("refs/tags/".length());
        }
        return ref;
    }
}
