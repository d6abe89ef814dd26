package io.sluice.render.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RenderIntervalsTest {

    private static final Duration FALLBACK = Duration.ofMinutes(7);

    private static Kustomization ks(String interval, String retryInterval) {
        KustomizationSpec spec = new KustomizationSpec();
        spec.setInterval(interval);
        spec.setRetryInterval(retryInterval);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace("apps").withName("web").build());
        ks.setSpec(spec);
        return ks;
    }

    @Test
    void interval_and_retry_interval_are_go_durations() {
        assertThat(RenderIntervals.interval(ks("1h30m", "45s"), FALLBACK)).isEqualTo(Duration.ofMinutes(90));
        assertThat(RenderIntervals.retryInterval(ks("1h30m", "45s"), FALLBACK)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void retry_interval_defaults_to_the_interval_as_in_flux() {
        assertThat(RenderIntervals.retryInterval(ks("5m", null), FALLBACK)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RenderIntervals.retryInterval(ks("5m", ""), FALLBACK)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void missing_bad_or_non_positive_durations_fall_back() {
        assertThat(RenderIntervals.interval(ks(null, null), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(RenderIntervals.interval(ks("ten minutes", null), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(RenderIntervals.interval(ks("0s", null), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(RenderIntervals.interval(ks("-1m", null), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(RenderIntervals.retryInterval(ks("3m", "soon"), FALLBACK)).as("a bad retryInterval falls back to the interval")
                .isEqualTo(Duration.ofMinutes(3));
        Kustomization noSpec = ks(null, null);
        noSpec.setSpec(null);
        assertThat(RenderIntervals.retryInterval(noSpec, FALLBACK)).isEqualTo(FALLBACK);
    }
}
