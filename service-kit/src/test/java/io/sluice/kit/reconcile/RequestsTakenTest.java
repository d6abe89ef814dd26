package io.sluice.kit.reconcile;

import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One reconcile request, one run: the same requestedAt value taken twice counts once. */
class RequestsTakenTest {

    private static final ObjectKey APP = ObjectKey.of("Kustomization", "flux-system", "app");
    private static final ObjectKey OTHER = ObjectKey.of("Kustomization", "flux-system", "other");

    @Test
    void theSameRequestByASecondTriggerIsNotTakenAgain() {
        RequestsTaken taken = new RequestsTaken();

        assertThat(taken.take(APP, "2026-12-07T10:00:00.120Z")).as("the ReconcileRequested").isTrue();
        assertThat(taken.take(APP, "2026-12-07T10:00:00.12Z")).as("the annotation, same instant written otherwise").isFalse();
        assertThat(taken.take(OTHER, "2026-12-07T10:00:00.120Z")).as("another Kustomization").isTrue();
        assertThat(taken.take(APP, "2026-12-07T10:00:05Z")).as("a new request").isTrue();
    }

    @Test
    void anAnnotationThatIsNoTimestampIsComparedAsText() {
        RequestsTaken taken = new RequestsTaken();

        assertThat(taken.take(APP, "now please")).isTrue();
        assertThat(taken.take(APP, "now please")).isFalse();
        assertThat(taken.take(APP, "again")).isTrue();
    }

    @Test
    void aForgottenKustomizationTakesAnyRequest() {
        RequestsTaken taken = new RequestsTaken();
        taken.take(APP, "2026-12-07T10:00:00Z");

        taken.forget(APP);

        assertThat(taken.take(APP, "2026-12-07T10:00:00Z")).isTrue();
    }
}
