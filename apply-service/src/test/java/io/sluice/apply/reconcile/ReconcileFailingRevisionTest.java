package io.sluice.apply.reconcile;

import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken commit stays broken: once render-service marked a newer revision of the source Ready=False BuildFailed
 * (or ArtifactFailed), no run of the last good rendering (a reconcile request, the interval) reports the Kustomization
 * Ready over it, as Flux keeps Ready=False until a commit fixes it; drift of the last good objects is still corrected.
 */
class ReconcileFailingRevisionTest extends ReconcileRunTest {

    private static final String BROKEN = "main@sha1:" + "d".repeat(40);
    private static final String FIXED = "main@sha1:" + "e".repeat(40);
    private static final String BUILD_ERROR = "kustomize build failed: malformed YAML in deploy/configmap.yaml at line 7";

    /** What render-service writes when it cannot build {@code revision}: Ready=False, the revision attempted. */
    private static void renderFailed(ObjectKey key, String reason, String revision) {
        Kustomization ks = get(key);
        KustomizationStatus status = ks.getStatus();
        status.setLastAttemptedRevision(revision);
        Conditions.markFalse(status, ks.getMetadata().getGeneration(), ConditionTypes.READY, reason, BUILD_ERROR, Instant.now());
        client().resources(Kustomization.class).inNamespace(NS).resource(ks).updateStatus();
    }

    /** A Kustomization {@code name} applied at {@link #REV} with a ConfigMap {@code <name>-cm}, then its newer revision failing. */
    private ObjectKey appliedThenFailing(KustomizationApplyHandler handler, String name, String reason, String revision) {
        ObjectKey key = create(name, spec -> {
        });
        handler.onManifests(rendering(key, configMaps(name + "-cm")));
        renderFailed(key, reason, revision);
        return key;
    }

    @Test
    void aReconcileRequestWhileTheNewestRevisionFailsToBuildKeepsReadyFalse() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = appliedThenFailing(handler, "broken", "BuildFailed", BROKEN);
        String objectVersion = configMap("broken-cm").getMetadata().getResourceVersion();
        published.clear();
        String requestedAt = Instant.now().toString();

        handler.requestReceived(key, requestedAt);
        KustomizationApplyHandler.Outcome outcome = handler.reconcile(key);

        assertThat(outcome.nowReady()).isFalse();
        KustomizationStatus status = get(key).getStatus();
        assertThat(condition(key, "Ready")).isEqualTo("False/BuildFailed");
        assertThat(Conditions.get(status, "Ready").orElseThrow().getMessage()).isEqualTo(BUILD_ERROR);
        assertThat(status.getLastAttemptedRevision()).isEqualTo(BROKEN);
        assertThat(status.getLastAppliedRevision()).isEqualTo(REV);
        assertThat(status.getLastHandledReconcileAt()).as("the request was handled").isEqualTo(requestedAt);
        assertThat(configMap("broken-cm").getMetadata().getResourceVersion()).isEqualTo(objectVersion);
        assertThat(published).as("nothing drifted: nothing to say").isEmpty();
    }

    @Test
    void driftOfTheLastGoodObjectsIsCorrectedButReadyStaysFalse() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = appliedThenFailing(handler, "broken-drift", "ArtifactFailed", BROKEN);
        client().configMaps().inNamespace("default").withName("broken-drift-cm").delete();
        published.clear();

        handler.reconcile(key);

        assertThat(configMap("broken-drift-cm")).as("restored").isNotNull();
        assertThat(published(ObjectEvent.class)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("DriftCorrected"));
        assertThat(published(ApplyCompleted.class)).hasSize(1);
        assertThat(condition(key, "Ready")).isEqualTo("False/ArtifactFailed");
        assertThat(get(key).getStatus().getLastAttemptedRevision()).isEqualTo(BROKEN);
    }

    @Test
    void aCommitThatBuildsAgainMakesItReady() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = appliedThenFailing(handler, "broken-fixed", "BuildFailed", BROKEN);
        handler.reconcile(key);

        KustomizationApplyHandler.Outcome outcome = handler.onManifests(ReconcileFixtures.inline(key, FIXED, configMaps("broken-fixed-cm")));

        assertThat(outcome.nowReady()).isTrue();
        assertThat(condition(key, "Ready")).isEqualTo("True/ReconciliationSucceeded");
        assertThat(get(key).getStatus().getLastAppliedRevision()).isEqualTo(FIXED);
        assertThat(get(key).getStatus().getLastAttemptedRevision()).isEqualTo(FIXED);
    }

    @Test
    void applyServicesOwnFailureOfTheSameRenderingIsRetriedAsBefore() {
        // a failure this service wrote (its lastAttemptedRevision is the rendering's own) does not hold the Kustomization
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = appliedThenFailing(handler, "own-failure", "ArtifactFailed", REV);

        assertThat(handler.reconcile(key).nowReady()).isTrue();
        assertThat(condition(key, "Ready")).isEqualTo("True/ReconciliationSucceeded");
    }
}
