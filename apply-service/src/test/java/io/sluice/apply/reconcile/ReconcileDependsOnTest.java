package io.sluice.apply.reconcile;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spec.dependsOn}: a dependency not ready (or missing) blocks the apply with Flux's message and is retried;
 * once it is ready the apply goes on.
 */
class ReconcileDependsOnTest extends ReconcileRunTest {

    @Test
    void dependencyNotReadyBlocksTheApplyAndIsRetriedAfterRetryInterval() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey base = create("base", spec -> {
        });
        ObjectKey app = create("app", spec -> {
            DependencyReference dep = new DependencyReference();
            dep.setName("base");
            spec.setDependsOn(List.of(dep));
            spec.setRetryInterval("7s");
        });

        KustomizationApplyHandler.Outcome blocked = handler.onManifests(rendering(app, configMaps("app-cm")));

        assertThat(blocked.next()).isEqualTo(Duration.ofSeconds(7));
        assertThat(configMap("app-cm")).isNull();
        assertThat(condition(app, "Ready")).isEqualTo("False/DependencyNotReady");
        assertThat(Conditions.get(get(app).getStatus(), "Ready").orElseThrow().getMessage())
                .isEqualTo("dependency 'flux-system/base' is not ready");
        assertThat(published(ObjectEvent.class)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("DependencyNotReady"));
        handler.reconcile(app);
        assertThat(published(ObjectEvent.class)).as("one event per change, not per retry").hasSize(1);

        assertThat(handler.onManifests(rendering(base, configMaps("base-cm"))).nowReady()).isTrue();
        handler.reconcile(app);

        assertThat(configMap("app-cm")).isNotNull();
        assertThat(condition(app, "Ready")).isEqualTo("True/ReconciliationSucceeded");
    }

    @Test
    void missingDependencyIsNamed() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey app = create("orphan-app", spec -> {
            DependencyReference dep = new DependencyReference();
            dep.setName("nowhere");
            dep.setNamespace("other");
            spec.setDependsOn(List.of(dep));
        });

        KustomizationApplyHandler.Outcome blocked = handler.onManifests(rendering(app, configMaps("orphan-cm")));

        assertThat(blocked.next()).as("retryInterval defaults to the interval").isEqualTo(Duration.ofMinutes(1));
        assertThat(Conditions.get(get(app).getStatus(), "Ready").orElseThrow().getMessage())
                .isEqualTo("dependency 'other/nowhere' not found");
    }
}
