package io.sluice.apply.reconcile;

import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spec.suspend}: nothing applied, no status written; unsuspended, the run applies what arrived meanwhile.
 */
class ReconcileSuspendTest extends ReconcileRunTest {

    @Test
    void suspendedKustomizationIsSkippedAndResumedWhenUnsuspended() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("paused", spec -> spec.setSuspend(true));

        assertThat(handler.onManifests(rendering(key, configMaps("paused-cm")))).isEqualTo(new KustomizationApplyHandler.Outcome(null, false));
        assertThat(configMap("paused-cm")).isNull();
        assertThat(get(key).getStatus()).isNull();

        changeSpec(key, spec -> spec.setSuspend(false));
        KustomizationApplyHandler.Outcome resumed = handler.reconcile(key);

        assertThat(resumed.nowReady()).isTrue();
        assertThat(configMap("paused-cm")).isNotNull();
    }
}
