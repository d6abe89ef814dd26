package io.sluice.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.GitProvider;
import io.sluice.api.meta.ObjectKey;
import io.sluice.gateway.payload.GitPush;
import io.sluice.gateway.payload.ImagePush;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the caller of a webhook reads back: each thing published, named. */
class DeliverySummaryTest {

    private static final ObjectKey QUICKSTART = ObjectKey.of("GitRepository", "flux-system", "quickstart");

    @Test
    void aGenericHmacCallNamesTheObjectItAsksToReconcile() {
        String summary = DeliverySummary.of(null, "sluice-1", List.of(), List.of(), List.of(QUICKSTART));

        assertThat(summary).isEqualTo("accepted delivery sluice-1: 1 reconcile request for GitRepository flux-system/quickstart");
    }

    @Test
    void aGitPushNamesTheRefAndRepository() {
        GitPush push = new GitPush(GitProvider.GITHUB, new CloneUrls("https://github.com/acme/app.git", null), "refs/heads/main",
                null, "3f2a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a");

        String summary = DeliverySummary.of("push", "d-7", List.of(push), List.of(), List.of(QUICKSTART));

        assertThat(summary).isEqualTo("accepted 'push' delivery d-7: 1 git push (refs/heads/main of https://github.com/acme/app),"
                + " 1 reconcile request for GitRepository flux-system/quickstart");
    }

    @Test
    void manyObjectsAreCountedBeyondThree() {
        List<ObjectKey> objects = List.of(QUICKSTART, ObjectKey.of("GitRepository", "a", "one"), ObjectKey.of("GitRepository", "a", "two"),
                ObjectKey.of("ImageRepository", "a", "app"), ObjectKey.of("ImageRepository", "a", "web"));

        String summary = DeliverySummary.of(null, "x", List.of(), List.of(new ImagePush("ghcr.io", "acme/app", "1.2.3", null)), objects);

        assertThat(summary).isEqualTo("accepted delivery x: 1 image push (ghcr.io/acme/app:1.2.3), 5 reconcile requests for"
                + " GitRepository flux-system/quickstart, GitRepository a/one, GitRepository a/two and 2 more");
    }

    @Test
    void aReceiverThatMatchesNothingSaysSo() {
        assertThat(DeliverySummary.of(null, "x", List.of(), List.of(), List.of()))
                .isEqualTo("accepted delivery x: no reconcile request (the Receiver's spec.resources match no object)");
    }
}
