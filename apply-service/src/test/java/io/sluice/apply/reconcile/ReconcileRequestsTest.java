package io.sluice.apply.reconcile;

import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconcile requests ({@code ReconcileRequested}, the {@code reconcile.fluxcd.io/requestedAt} annotation): a
 * request re-applies and is recorded in {@code status.lastHandledReconcileAt}; only a newer one counts.
 */
class ReconcileRequestsTest extends ReconcileRunTest {

    @Test
    void reconcileRequestReappliesAndSetsLastHandledReconcileAt() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("requested", spec -> {
        });
        handler.onManifests(rendering(key, configMaps("requested-cm")));
        client().configMaps().inNamespace("default").withName("requested-cm").delete();
        String requestedAt = Instant.parse("2026-11-28T02:00:00Z").toString();

        handler.requestReceived(key, requestedAt);
        handler.reconcile(key);

        assertThat(get(key).getStatus().getLastHandledReconcileAt()).isEqualTo(requestedAt);
        assertThat(configMap("requested-cm")).isNotNull();
    }

    @Test
    void onlyRequestsNewerThanTheLastHandledOneCount() {
        KustomizationStatus status = new KustomizationStatus();
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
        status.setLastHandledReconcileAt("2026-01-01T00:00:00Z");
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2026-01-01T00:00:01Z"))).isTrue();
        status.setLastHandledReconcileAt("by hand");
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
    }
}
