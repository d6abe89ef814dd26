package io.sluice.alert.dedupe;

import io.sluice.alert.provider.Notification;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.sluice.alert.dedupe.StormGuardTest.event;
import static org.assertj.core.api.Assertions.assertThat;

class RecoveryTrackerTest {

    private final RecoveryTracker tracker = new RecoveryTracker();
    private static final String REV = "main@sha1:" + "c".repeat(40);

    private static Notification error(String reason) {
        return event("podinfo", Severity.ERROR, reason, "Deployment/apps/podinfo not ready", REV);
    }

    private static Notification info(String reason) {
        return event("podinfo", Severity.INFO, reason, "Applied revision " + REV, REV);
    }

    @Test
    void oneRecoveredNotificationAfterAnError() {
        assertThat(tracker.observe(info("ReconciliationSucceeded"))).as("never failed").isEmpty();
        assertThat(tracker.observe(error("HealthCheckFailed"))).isEmpty();
        assertThat(tracker.observe(error("ReconciliationFailed"))).isEmpty();
        assertThat(tracker.isFailing(ObjectKey.of("Kustomization", "flux-system", "podinfo"))).isTrue();

        Optional<Notification> recovered = tracker.observe(info("ReconciliationSucceeded"));
        assertThat(recovered).hasValueSatisfying(n -> {
            assertThat(n.severity()).isEqualTo(Severity.INFO);
            assertThat(n.reason()).isEqualTo("Recovered");
            assertThat(n.message()).isEqualTo("Kustomization/flux-system/podinfo recovered after HealthCheckFailed: Applied revision " + REV);
            assertThat(n.revision()).isEqualTo(REV);
            assertThat(n.metadata()).containsEntry("recoveredFrom", "HealthCheckFailed");
        });
        assertThat(tracker.observe(info("ReconciliationSucceeded"))).as("only once").isEmpty();
        assertThat(tracker.observe(error("BuildFailed"))).isEmpty();
        assertThat(tracker.observe(info("UpgradeSucceeded"))).as("again after a new failure")
                .hasValueSatisfying(n -> assertThat(n.message()).contains("after BuildFailed"));
    }

    @Test
    void progressingAndRollbackAreNotRecoveries() {
        tracker.observe(error("UpgradeFailed"));
        assertThat(tracker.observe(info("Progressing"))).isEmpty();
        assertThat(tracker.observe(info("ProgressingWithRetry"))).isEmpty();
        assertThat(tracker.observe(info("RollbackSucceeded"))).isEmpty();
        assertThat(tracker.observe(info("UninstallSucceeded"))).isEmpty();
        assertThat(tracker.observe(info("NewRevision"))).isPresent();
    }

    @Test
    void objectsAreTrackedSeparatelyAndCanBeForgotten() {
        tracker.observe(error("HealthCheckFailed"));
        assertThat(tracker.observe(event("other", Severity.INFO, "ReconciliationSucceeded", "ok", REV))).isEmpty();
        tracker.forget(ObjectKey.of("Kustomization", "flux-system", "podinfo"));
        assertThat(tracker.observe(info("ReconciliationSucceeded"))).isEmpty();
    }

    @Test
    void recoveryReasons() {
        assertThat(RecoveryTracker.isRecovery("Succeeded")).isTrue();
        assertThat(RecoveryTracker.isRecovery("GitOperationSucceeded")).isTrue();
        assertThat(RecoveryTracker.isRecovery("ArtifactUpToDate")).isTrue();
        assertThat(RecoveryTracker.isRecovery("DependencyNotReady")).isFalse();
    }
}
