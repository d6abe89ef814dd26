package io.sluice.api.meta;

import io.sluice.api.kustomize.Kustomization;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileAnnotationTest {

    @Test
    void readsFluxsRequestedAtAnnotation() {
        Kustomization ks = new Kustomization();
        assertThat(ReconcileAnnotation.requestedAt(ks)).as("no metadata").isNull();
        ks.getMetadata().setName("app");
        assertThat(ReconcileAnnotation.requestedAt(ks)).as("no annotations").isNull();
        ks.getMetadata().setAnnotations(Map.of("other", "x"));
        assertThat(ReconcileAnnotation.requestedAt(ks)).isNull();
        ks.getMetadata().setAnnotations(Map.of("reconcile.fluxcd.io/requestedAt", "2026-11-28T02:00:00Z"));
        assertThat(ReconcileAnnotation.requestedAt(ks)).isEqualTo("2026-11-28T02:00:00Z");
    }
}
