package io.sluice.cli.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObject;
import io.sluice.cli.get.FluxFixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileWaitTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-28T02:00:00.600Z");
    private static final String REVISION = "main@sha1:" + FluxFixtures.SHA;

    private static FluxObject kustomization(String ready, String transition, String lastHandled, String lastAttempted) {
        GenericKubernetesResource resource = FluxFixtures.kustomization("flux-system", "app", "podinfo");
        Map<String, Object> status = new HashMap<>();
        if (ready != null) {
            status.put("conditions", List.of(FluxFixtures.ready(ready, "R", "m", transition)));
        }
        if (lastHandled != null) {
            status.put("lastHandledReconcileAt", lastHandled);
        }
        if (lastAttempted != null) {
            status.put("lastAttemptedRevision", lastAttempted);
        }
        resource.setAdditionalProperty("status", status);
        return new FluxObject(FluxKind.KUSTOMIZATION, resource);
    }

    @Test
    void lastHandledReconcileAtAtOrAfterTheRequestCounts() {
        assertThat(ReconcileWait.handled(kustomization("True", "2026-01-01T00:00:00Z", "2026-11-28T02:00:00.600Z", null),
                REQUESTED, Optional.empty())).isTrue();
        assertThat(ReconcileWait.handled(kustomization("True", "2026-01-01T00:00:00Z", "2026-11-28T01:59:59Z", null),
                REQUESTED, Optional.empty())).as("an older request's mark").isFalse();
    }

    @Test
    void aReadyTransitionInTheRequestsSecondOrLaterCounts() {
        assertThat(ReconcileWait.handled(kustomization("False", "2026-11-28T02:00:00Z", null, null), REQUESTED, Optional.empty())).isTrue();
        assertThat(ReconcileWait.handled(kustomization("True", "2026-11-28T01:59:59Z", null, null), REQUESTED, Optional.empty())).isFalse();
    }

    @Test
    void stillReconcilingOrNoReadyConditionIsNotDone() {
        assertThat(ReconcileWait.handled(kustomization("Unknown", "2026-11-28T02:00:05Z", "2026-11-28T02:00:05Z", null),
                REQUESTED, Optional.empty())).isFalse();
        assertThat(ReconcileWait.handled(kustomization(null, null, "2026-11-28T02:00:05Z", null), REQUESTED, Optional.empty())).isFalse();
    }

    @Test
    void aKustomizationThatAttemptedItsSourcesCurrentRevisionIsDone() {
        FluxObject atSource = kustomization("True", "2026-01-01T00:00:00Z", null, REVISION);

        assertThat(ReconcileWait.handled(atSource, REQUESTED, Optional.of(REVISION))).isTrue();
        assertThat(ReconcileWait.handled(atSource, REQUESTED, Optional.of("main@sha1:0000000000000000000000000000000000000000"))).isFalse();
        assertThat(ReconcileWait.handled(atSource, REQUESTED, Optional.of(""))).as("source without artifact").isFalse();
    }
}
