package io.sluice.gateway.payload;

import io.sluice.api.events.GitProvider;
import io.sluice.gateway.verify.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitPayloadsTest {

    @Test
    void githubPush() throws Exception {
        WebhookRequest request = WebhookRequest.of(Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                "Content-Type", "application/json"), Fixtures.payload("github-push.json"));
        GitHubPayloads parser = new GitHubPayloads();

        assertThat(parser.eventType(request)).isEqualTo("push");
        ParsedPayload parsed = parser.parse(request);
        assertThat(parsed.deliveryId()).isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
        assertThat(parsed.imagePushes()).isEmpty();
        assertThat(parsed.gitPushes()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(GitProvider.GITHUB);
            assertThat(push.repository().http()).isEqualTo("https://github.com/Codertocat/Hello-World.git");
            assertThat(push.repository().ssh()).isEqualTo("git@github.com:Codertocat/Hello-World.git");
            assertThat(push.repository().key()).isEqualTo("https://github.com/codertocat/hello-world");
            assertThat(push.ref()).isEqualTo("refs/heads/main");
            assertThat(push.before()).isEqualTo("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
            assertThat(push.after()).isEqualTo("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
        });
    }

    @Test
    void githubFormEncodedBodyCarriesTheJsonInPayload() throws Exception {
        String json = new String(Fixtures.payload("github-push.json"), StandardCharsets.UTF_8);
        byte[] form = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = WebhookRequest.of(Map.of("X-GitHub-Event", "push", "Content-Type", "application/x-www-form-urlencoded"), form);
        assertThat(new GitHubPayloads().parse(request).gitPushes()).singleElement()
                .satisfies(push -> assertThat(push.ref()).isEqualTo("refs/heads/main"));
    }

    @Test
    void githubPingAndOtherEventsPublishNoPush() throws Exception {
        GitHubPayloads parser = new GitHubPayloads();
        WebhookRequest ping = WebhookRequest.of(Map.of("X-GitHub-Event", "ping"), Fixtures.payload("github-ping.json"));
        assertThat(parser.isPing(ping)).isTrue();
        WebhookRequest release = WebhookRequest.of(Map.of("X-GitHub-Event", "release"), Fixtures.payload("github-ping.json"));
        assertThat(parser.isPing(release)).isFalse();
        assertThat(parser.parse(release).gitPushes()).isEmpty();
    }

    @Test
    void giteaPushIsMarkedGitea() throws Exception {
        WebhookRequest request = WebhookRequest.of(Map.of("X-Gitea-Event", "push", "X-GitHub-Event", "push", "X-Gitea-Delivery", "f6266f16-1bf3-46a5-9ea4-602e06ead473"),
                Fixtures.payload("gitea-push.json"));
        ParsedPayload parsed = new GitHubPayloads().parse(request);
        assertThat(parsed.deliveryId()).isEqualTo("f6266f16-1bf3-46a5-9ea4-602e06ead473");
        assertThat(parsed.gitPushes()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(GitProvider.GITEA);
            assertThat(push.repository().http()).isEqualTo("http://localhost:3000/gitea/webhooks.git");
            assertThat(push.repository().ssh()).isEqualTo("ssh://gitea@localhost:2222/gitea/webhooks.git");
            assertThat(push.ref()).isEqualTo("refs/heads/develop");
        });
    }

    @Test
    void gitlabPushHook() throws Exception {
        WebhookRequest request = WebhookRequest.of(Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e"),
                Fixtures.payload("gitlab-push.json"));
        ParsedPayload parsed = new GitLabPayloads().parse(request);
        assertThat(parsed.deliveryId()).isEqualTo("13792a34-cac6-4fda-95a8-c58e00a3954e");
        assertThat(parsed.gitPushes()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(GitProvider.GITLAB);
            assertThat(push.repository().http()).isEqualTo("http://example.com/mike/diaspora.git");
            assertThat(push.repository().ssh()).isEqualTo("git@example.com:mike/diaspora.git");
            assertThat(push.ref()).isEqualTo("refs/heads/master");
            assertThat(push.before()).isEqualTo("95790bf891e76fee5e1747ab589903a6a1f80f22");
            assertThat(push.after()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        });
        WebhookRequest retried = WebhookRequest.of(Map.of("X-Gitlab-Event", "Push Hook", "Idempotency-Key", "k-1", "X-Gitlab-Event-UUID", "u-2"),
                Fixtures.payload("gitlab-push.json"));
        assertThat(new GitLabPayloads().parse(retried).deliveryId()).isEqualTo("k-1");
    }

    @Test
    void bitbucketServerRefsChanged() throws Exception {
        WebhookRequest request = WebhookRequest.of(Map.of("X-Event-Key", "repo:refs_changed", "X-Request-Id", "d45a6d1c-7a6b-4ea1-a6b6-2c5e4b6e5e10"),
                Fixtures.payload("bitbucket-server-refs-changed.json"));
        ParsedPayload parsed = new BitbucketPayloads().parse(request);
        assertThat(parsed.deliveryId()).isEqualTo("d45a6d1c-7a6b-4ea1-a6b6-2c5e4b6e5e10");
        assertThat(parsed.gitPushes()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(GitProvider.BITBUCKET);
            assertThat(push.repository().http()).isEqualTo("https://bitbucket.example.com/scm/proj/repository.git");
            assertThat(push.repository().ssh()).isEqualTo("ssh://git@bitbucket.example.com:7999/proj/repository.git");
            assertThat(push.ref()).isEqualTo("refs/heads/master");
            assertThat(push.before()).isEqualTo("ecddabb624f6f5ba43816f5926e580a5f680a932");
            assertThat(push.after()).isEqualTo("178864a7d521b6f5e720b386b2c2b0ef8563e0dc");
        });
        assertThat(new BitbucketPayloads().isPing(WebhookRequest.of(Map.of("X-Event-Key", "diagnostics:ping"), new byte[0]))).isTrue();
    }

    @Test
    void bitbucketCloudPush() throws Exception {
        WebhookRequest request = WebhookRequest.of(Map.of("X-Event-Key", "repo:push", "X-Request-UUID", "afe2c4a6-2b7d-4b0c-9a0e-2f3c0d6e1a11"),
                Fixtures.payload("bitbucket-cloud-push.json"));
        ParsedPayload parsed = new BitbucketPayloads().parse(request);
        assertThat(parsed.deliveryId()).isEqualTo("afe2c4a6-2b7d-4b0c-9a0e-2f3c0d6e1a11");
        assertThat(parsed.gitPushes()).singleElement().satisfies(push -> {
            assertThat(push.repository().http()).isEqualTo("https://bitbucket.org/team_name/repo_name.git");
            assertThat(push.repository().ssh()).isEqualTo("git@bitbucket.org:team_name/repo_name.git");
            assertThat(push.ref()).isEqualTo("refs/heads/master");
            assertThat(push.before()).isEqualTo("1a7b3f8f0a7c6b3b9ae76bd6b7f1f3b34b2b1b02");
            assertThat(push.after()).isEqualTo("d2f1fc0a8b1b9a07c2a8e6c4b3d5f6e7a8b9c0d1");
        });
    }

    @Test
    void bitbucketCloudDeletedBranchHasAZeroAfter() throws Exception {
        String json = """
                {"push":{"changes":[{"new":null,"old":{"name":"feature","type":"branch","target":{"hash":"1a7b3f8f0a7c6b3b9ae76bd6b7f1f3b34b2b1b02"}}}]},
                 "repository":{"links":{"html":{"href":"https://bitbucket.org/team/repo"}}}}""";
        ParsedPayload parsed = new BitbucketPayloads().parse(WebhookRequest.of(Map.of("X-Event-Key", "repo:push"), json.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.gitPushes()).singleElement().satisfies(push -> {
            assertThat(push.ref()).isEqualTo("refs/heads/feature");
            assertThat(push.after()).isEqualTo("0".repeat(40));
        });
    }

    @Test
    void bitbucketServerWithoutCloneLinksPublishesNoPush() throws Exception {
        String json = """
                {"repository":{"slug":"repo","project":{"key":"PROJ"}},
                 "changes":[{"refId":"refs/heads/master","fromHash":"ecddabb624f6f5ba43816f5926e580a5f680a932","toHash":"178864a7d521b6f5e720b386b2c2b0ef8563e0dc"}]}""";
        ParsedPayload parsed = new BitbucketPayloads().parse(WebhookRequest.of(Map.of("X-Event-Key", "repo:refs_changed"), json.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.gitPushes()).isEmpty();
    }

    @Test
    void malformedBodiesSayWhatIsWrongWithoutQuotingThem() {
        WebhookRequest notJson = WebhookRequest.of(Map.of("X-GitHub-Event", "push"), "{\"ref\": secret-stuff".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new GitHubPayloads().parse(notJson))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("GitHub payload is not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-stuff"));

        WebhookRequest noAfter = WebhookRequest.of(Map.of("X-GitHub-Event", "push"),
                "{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"https://github.com/a/b.git\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new GitHubPayloads().parse(noAfter)).hasMessage("GitHub payload has no after");

        WebhookRequest badSha = WebhookRequest.of(Map.of("X-Gitlab-Event", "Push Hook"),
                "{\"ref\":\"refs/heads/main\",\"after\":\"xyz\",\"project\":{\"git_http_url\":\"https://gitlab.com/a/b.git\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new GitLabPayloads().parse(badSha)).hasMessage("GitLab payload field after is not a commit SHA (40 or 64 hex digits)");

        WebhookRequest array = WebhookRequest.of(Map.of("X-Event-Key", "repo:refs_changed"), "[]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new BitbucketPayloads().parse(array)).hasMessage("Bitbucket Server payload must be a JSON object");
    }
}
