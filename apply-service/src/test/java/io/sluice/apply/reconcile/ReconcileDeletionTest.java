package io.sluice.apply.reconcile;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted Kustomization: its objects deleted when its deletion policy says so, left otherwise.
 */
class ReconcileDeletionTest extends ReconcileRunTest {

    @Test
    void deletedKustomizationWithPruneDeletesItsObjectsAndWithoutPruneLeavesThem() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey pruned = create("gone-pruned", spec -> spec.setPrune(true));
        ObjectKey kept = create("gone-kept", spec -> spec.setPrune(false));
        handler.onManifests(rendering(pruned, configMaps("gone-pruned-cm")));
        handler.onManifests(rendering(kept, configMaps("gone-kept-cm")));

        for (ObjectKey key : List.of(pruned, kept)) {
            Kustomization last = get(key);
            client().resources(Kustomization.class).inNamespace(NS).withName(key.name()).delete();
            handler.deleted(last, true);
        }

        assertThat(configMap("gone-pruned-cm")).isNull();
        assertThat(configMap("gone-kept-cm")).isNotNull();
        assertThat(published(ObjectEvent.class)).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("GarbageCollected");
            assertThat(e.message()).contains("ConfigMap/default/gone-pruned-cm deleted");
        });
        assertThat(handler.desiredStates().get(pruned)).isEmpty();
    }
}
