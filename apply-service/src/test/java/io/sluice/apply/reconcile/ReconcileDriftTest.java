package io.sluice.apply.reconcile;

import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift correction: a re-apply with nothing changed writes and publishes nothing; objects changed or deleted by
 * hand are restored and reported; a desired state restored after a restart is only checked for drift.
 */
class ReconcileDriftTest extends ReconcileRunTest {

    @Test
    void reapplyWithoutDriftWritesNothingAndPublishesNothing() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("steady", spec -> spec.setWait(true));
        handler.onManifests(rendering(key, configMaps("steady-cm")));
        assertThat(condition(key, "Ready")).isEqualTo("True/ReconciliationSucceeded");
        assertThat(condition(key, "Healthy")).isEqualTo("True/Succeeded");
        assertThat(condition(key, "Reconciling")).isEqualTo("absent");
        String kustomizationVersion = get(key).getMetadata().getResourceVersion();
        String objectVersion = configMap("steady-cm").getMetadata().getResourceVersion();
        published.clear();

        KustomizationApplyHandler.Outcome outcome = handler.reconcile(key);

        assertThat(outcome).isEqualTo(new KustomizationApplyHandler.Outcome(Duration.ofMinutes(1), false));
        assertThat(published).isEmpty();
        assertThat(get(key).getMetadata().getResourceVersion()).isEqualTo(kustomizationVersion);
        assertThat(configMap("steady-cm").getMetadata().getResourceVersion()).isEqualTo(objectVersion);
    }

    @Test
    void objectsChangedOrDeletedByHandAreRestoredAndReportedAsDrift() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("drifting", spec -> {
        });
        handler.onManifests(rendering(key, configMaps("drift-edited", "drift-deleted", "drift-kept")));
        client().configMaps().inNamespace("default").withName("drift-edited").edit(cm -> {
            cm.getData().put("colour", "red");
            return cm;
        });
        client().configMaps().inNamespace("default").withName("drift-deleted").delete();
        published.clear();

        handler.reconcile(key);

        assertThat(configMap("drift-edited").getData()).containsEntry("colour", "blue");
        assertThat(configMap("drift-deleted")).isNotNull();
        ObjectEvent drift = published(ObjectEvent.class).get(0);
        assertThat(drift.reason()).isEqualTo("DriftCorrected");
        assertThat(drift.message()).startsWith("drift corrected on 2 objects: ")
                .contains("ConfigMap/default/drift-edited configured", "ConfigMap/default/drift-deleted created");
        assertThat(published(ApplyCompleted.class)).singleElement()
                .satisfies(done -> assertThat(done.pushReceivedAt()).isNull());
        assertThat(condition(key, "Ready")).isEqualTo("True/ReconciliationSucceeded");
    }

    @Test
    void restoredDesiredStateOfTheAppliedRevisionIsOnlyCheckedForDrift() {
        ObjectKey key = create("restarted", spec -> {
        });
        ManifestsRendered rendering = rendering(key, configMaps("restarted-cm"));
        handler(client()).onManifests(rendering);
        published.clear();
        KustomizationApplyHandler restarted = handler(client());
        restarted.desiredStates().restored(rendering);

        restarted.reconcile(key);
        assertThat(published).as("nothing drifted, nothing to report").isEmpty();

        client().configMaps().inNamespace("default").withName("restarted-cm").delete();
        restarted.reconcile(key);
        assertThat(configMap("restarted-cm")).isNotNull();
        assertThat(published(ObjectEvent.class)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("DriftCorrected"));
    }
}
