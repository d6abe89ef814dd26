package io.sluice.alert.provider;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.sluice.alert.provider.Fixtures.SHA;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest {

    private static final String REVISION = "main@sha1:" + SHA;

    private static Alert alert(Map<String, String> eventMetadata, String summary) {
        AlertSpec spec = new AlertSpec();
        spec.setEventMetadata(eventMetadata);
        spec.setSummary(summary);
        Alert alert = new Alert();
        alert.setMetadata(new ObjectMetaBuilder().withName("a").withNamespace("flux-system").build());
        alert.setSpec(spec);
        return alert;
    }

    private static ObjectEvent event(Map<String, String> metadata) {
        return new ObjectEvent(ObjectKey.of("Kustomization", "flux-system", "podinfo"), Severity.ERROR, "HealthCheckFailed",
                "Deployment/apps/podinfo not ready", REVISION, metadata, Instant.parse("2026-11-28T00:00:00Z"), "apply-service");
    }

    @Test
    void mergesMetadataEventKeysWinAndSummaryIsSeparate() {
        Notification n = Notification.of(event(Map.of("env", "from-event", "token", "x")),
                alert(Map.of("env", "from-alert", "cluster", "eu-1", "summary", "Prod EU"), "ignored"), null);
        assertThat(n.metadata()).containsExactly(Map.entry("cluster", "eu-1"), Map.entry("env", "from-event"), Map.entry("token", "x"));
        assertThat(n.summary()).isEqualTo("Prod EU");
        assertThat(n.revision()).isEqualTo(REVISION);
        assertThat(n.commitUrl()).isNull();
    }

    @Test
    void deprecatedSummaryThenEventSummary() {
        assertThat(Notification.of(event(Map.of()), alert(null, "Old style"), null).summary()).isEqualTo("Old style");
        assertThat(Notification.of(event(Map.of("summary", "from event")), alert(null, null), null).summary()).isEqualTo("from event");
        assertThat(Notification.of(event(Map.of()), alert(null, null), null).summary()).isNull();
    }

    @Test
    void commitLinks() {
        assertThat(CommitLinks.of("https://github.com/org/repo", REVISION)).contains("https://github.com/org/repo/commit/" + SHA);
        assertThat(CommitLinks.of("https://github.com/org/repo.git", REVISION)).contains("https://github.com/org/repo/commit/" + SHA);
        assertThat(CommitLinks.of("ssh://git@github.com/org/repo.git", REVISION)).contains("https://github.com/org/repo/commit/" + SHA);
        assertThat(CommitLinks.of("git@github.com:org/repo.git", REVISION)).contains("https://github.com/org/repo/commit/" + SHA);
        assertThat(CommitLinks.of("https://gitlab.com/group/sub/repo.git", REVISION)).contains("https://gitlab.com/group/sub/repo/-/commit/" + SHA);
        assertThat(CommitLinks.of("https://git.example.com/org/repo", REVISION)).isEmpty();
        assertThat(CommitLinks.of("https://github.com/org/repo", null)).isEmpty();
        assertThat(CommitLinks.of("https://github.com/org/repo", "v1.2.3")).isEmpty();
        assertThat(CommitLinks.of(null, REVISION)).isEmpty();
        assertThat(Notification.of(event(Map.of()), alert(null, null), "https://github.com/org/repo").commitUrl())
                .isEqualTo("https://github.com/org/repo/commit/" + SHA);
    }

    @Test
    void messageSaysWhatHappenedToWhichObjectAtWhichRevision() {
        Notification n = Notification.of(event(Map.of("env", "prod")), alert(Map.of("summary", "Prod <EU>"), null), "https://github.com/org/repo");
        assertThat(MessageFormat.title(n)).isEqualTo("[error] Kustomization/flux-system/podinfo: health check failed (HealthCheckFailed) at main@sha1:0123456");
        assertThat(MessageFormat.text(n)).isEqualTo("""
                Prod <EU>

                Deployment/apps/podinfo not ready

                object: Kustomization/flux-system/podinfo
                revision: main@sha1:%s
                commit: https://github.com/org/repo/commit/%s
                env: prod
                """.formatted(SHA, SHA));
        assertThat(MessageFormat.html(n)).contains("Prod &lt;EU&gt;", "<a href=\"https://github.com/org/repo/commit/" + SHA + "\">")
                .doesNotContain("<EU>");
        assertThat(MessageFormat.shortRevision("v1.0.0")).isEqualTo("v1.0.0");
    }

    @Test
    void aCommitUrlInTheEventWinsAndLeavesTheMetadata() {
        Notification n = Notification.of(event(Map.of("commit_url", "https://git.example.com/c/1")), alert(null, null),
                "https://github.com/org/repo");
        assertThat(n.commitUrl()).isEqualTo("https://git.example.com/c/1");
        assertThat(n.metadata()).doesNotContainKey("commit_url");
    }

    @Test
    void titleSaysAppliedForASuccessfulApplyAndWordsOtherwise() {
        Notification applied = new Notification(ObjectKey.of("Kustomization", "flux-system", "podinfo"), Severity.INFO,
                "ReconciliationSucceeded", "Deployment/apps/podinfo configured", REVISION, Map.of(), null, null,
                Instant.parse("2026-11-28T00:00:00Z"), "apply-service");
        assertThat(MessageFormat.title(applied))
                .isEqualTo("[info] Kustomization/flux-system/podinfo: applied (ReconciliationSucceeded) at main@sha1:0123456");
        Notification source = new Notification(ObjectKey.of("GitRepository", "flux-system", "podinfo"), Severity.INFO,
                "ReconciliationSucceeded", "fetched", null, Map.of(), null, null, Instant.parse("2026-11-28T00:00:00Z"), "source-service");
        assertThat(MessageFormat.title(source)).isEqualTo("[info] GitRepository/flux-system/podinfo: reconciliation succeeded (ReconciliationSucceeded)");
    }
}
