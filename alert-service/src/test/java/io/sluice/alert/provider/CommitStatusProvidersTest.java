package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Provider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.sluice.alert.provider.Fixtures.SHA;
import static io.sluice.alert.provider.Fixtures.notification;
import static io.sluice.alert.provider.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** github and gitlab commit statuses: the request each host's API expects, and the address forms Flux accepts. */
class CommitStatusProvidersTest {

    private static final ProviderSecret TOKEN = new ProviderSecret(Map.of("token", "s3cr3t-token"));

    private final ObjectMapper json = new ObjectMapper();
    private CapturingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new CapturingServer();
        server.answer(201, "{}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Provider withUid(Provider provider) {
        provider.setMetadata(new ObjectMetaBuilder(provider.getMetadata()).withUid("0c9c2e41-aaaa-bbbb-cccc-1234567890ab").build());
        return provider;
    }

    @Test
    void githubEnterprisePostsStatusWithBearerToken() throws Exception {
        NotificationProvider github = NotificationProviders.create(withUid(provider("github", server.url("/org/repo.git"), null, null, "5s")), TOKEN);
        assertThat(github).isInstanceOf(GitHubProvider.class);

        github.send(notification(Severity.INFO));

        CapturingServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v3/repos/org/repo/statuses/" + SHA);
        assertThat(request.header("Authorization")).isEqualTo("Bearer s3cr3t-token");
        assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("state").asText()).isEqualTo("success");
        assertThat(body.path("context").asText()).isEqualTo("kustomization/podinfo/0c9c2e41");
        assertThat(body.path("description").asText()).isEqualTo("reconciliation succeeded");
    }

    @Test
    void githubErrorIsFailureAndProgressingIsPending() throws Exception {
        NotificationProvider github = NotificationProviders.create(provider("github", server.url("/org/repo"), null, null, "5s"), TOKEN);
        github.send(notification(Severity.ERROR));
        github.send(new Notification(ObjectKey.of("Kustomization", "flux-system", "podinfo"), Severity.INFO, "Progressing",
                "applying", "main@sha1:" + SHA, Map.of(), null, null, Instant.now(), "apply-service"));
        assertThat(json.readTree(server.requests.get(0).body()).path("state").asText()).isEqualTo("failure");
        assertThat(json.readTree(server.requests.get(0).body()).path("description").asText()).isEqualTo("health check failed");
        assertThat(json.readTree(server.requests.get(1).body()).path("state").asText()).isEqualTo("pending");
    }

    @Test
    void githubDotComUsesApiGithubCom() throws Exception {
        GitHubProvider github = (GitHubProvider) NotificationProviders.create(provider("github", "https://github.com/org/repo", null, null, null), TOKEN);
        assertThat(github.statusUrl(SHA)).hasToString("https://api.github.com/repos/org/repo/statuses/" + SHA);
        GitHubProvider ssh = (GitHubProvider) NotificationProviders.create(provider("github", "ssh://git@github.example.com:2222/org/repo.git", null, null, null), TOKEN);
        assertThat(ssh.statusUrl(SHA)).hasToString("https://github.example.com/api/v3/repos/org/repo/statuses/" + SHA);
        GitHubProvider scp = (GitHubProvider) NotificationProviders.create(provider("github", "git@github.com:org/repo.git", null, null, null), TOKEN);
        assertThat(scp.statusUrl(SHA)).hasToString("https://api.github.com/repos/org/repo/statuses/" + SHA);
    }

    @Test
    void gitlabPostsStatusWithPrivateTokenAndEncodedProject() throws Exception {
        NotificationProvider gitlab = NotificationProviders.create(withUid(provider("gitlab", server.url("/group/sub/project.git"), null, null, "5s")), TOKEN);
        assertThat(gitlab).isInstanceOf(GitLabProvider.class);

        gitlab.send(notification(Severity.ERROR));

        CapturingServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/api/v4/projects/group%2Fsub%2Fproject/statuses/" + SHA);
        assertThat(request.header("PRIVATE-TOKEN")).isEqualTo("s3cr3t-token");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("state").asText()).isEqualTo("failed");
        assertThat(body.path("name").asText()).isEqualTo("kustomization/podinfo/0c9c2e41");
        assertThat(body.path("description").asText()).isEqualTo("health check failed");
    }

    @Test
    void selfHostedGitlabKeepsItsHost() throws Exception {
        GitLabProvider gitlab = (GitLabProvider) NotificationProviders.create(provider("gitlab", "https://gitlab.example.com/team/app", null, null, null), TOKEN);
        assertThat(gitlab.statusUrl(SHA)).hasToString("https://gitlab.example.com/api/v4/projects/team%2Fapp/statuses/" + SHA);
    }

    @Test
    void eventsWithoutACommitAreSkipped() throws Exception {
        NotificationProvider github = NotificationProviders.create(provider("github", server.url("/org/repo"), null, null, null), TOKEN);
        NotificationProvider gitlab = NotificationProviders.create(provider("gitlab", server.url("/org/repo"), null, null, null), TOKEN);
        Notification noRevision = new Notification(ObjectKey.of("Kustomization", "flux-system", "podinfo"), Severity.ERROR,
                "BuildFailed", "bad yaml", null, Map.of(), null, null, Instant.now(), "render-service");
        Notification imageTag = new Notification(ObjectKey.of("ImagePolicy", "flux-system", "podinfo"), Severity.INFO,
                "Succeeded", "new tag", "6.5.0", Map.of(), null, null, Instant.now(), "image-watcher");
        assertThat(github.skipReason(noRevision)).contains("the event has no commit revision to set a status on");
        assertThat(gitlab.skipReason(imageTag)).isPresent();
        assertThat(github.skipReason(notification(Severity.INFO))).isEmpty();
        assertThat(NotificationProviders.create(provider("slack", server.url("/x"), null, null, null), ProviderSecret.NONE)
                .skipReason(noRevision)).isEmpty();
    }

    @Test
    void configurationErrorsNameTheFieldAndNeverTheToken() {
        assertThatThrownBy(() -> NotificationProviders.create(provider("github", "https://github.com/org/repo", null, null, null), ProviderSecret.NONE))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("Provider/flux-system/team: github needs the key 'token'");
        assertThatThrownBy(() -> NotificationProviders.create(provider("github", null, null, null, null), TOKEN))
                .hasMessageContaining("spec.address is empty");
        assertThatThrownBy(() -> NotificationProviders.create(provider("github", "https://github.com/just-org", null, null, null), TOKEN))
                .hasMessageContaining("<owner>/<repo>").hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> NotificationProviders.create(provider("gitlab", "ftp://gitlab.com/org/repo", null, null, null), TOKEN))
                .hasMessageContaining("scheme 'ftp'");
    }

    @Test
    void serverErrorIsRetryable() throws Exception {
        server.answer(502, "bad gateway");
        NotificationProvider gitlab = NotificationProviders.create(provider("gitlab", server.url("/org/repo"), null, null, "5s"), TOKEN);
        assertThatThrownBy(() -> gitlab.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).doesNotContain("s3cr3t-token");
                });
    }

    @Test
    void reasonWordsAsFluxSplitsThem() {
        assertThat(CommitStatus.words("ReconciliationSucceeded")).containsExactly("Reconciliation", "Succeeded");
        assertThat(CommitStatus.words("HTTPError")).containsExactly("HTTP", "Error");
        assertThat(CommitStatus.words("Progressing")).containsExactly("Progressing");
    }
}
