package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec as apply-service reads it: Flux's defaults, dependency namespaces, and invalid values named. */
class KustomizationSettingsTest {

    private static KustomizationSettings settings(Consumer<KustomizationSpec> customize) {
        KustomizationSpec spec = new KustomizationSpec();
        customize.accept(spec);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace("apps").withName("web").withGeneration(3L).build());
        ks.setSpec(spec);
        return KustomizationSettings.of(ks, Duration.ofMinutes(5));
    }

    @Test
    void retryIntervalAndTimeoutDefaultToTheIntervalWhichDefaultsToTheServiceDefault() {
        KustomizationSettings interval = settings(spec -> spec.setInterval("10m"));
        assertThat(interval.retryInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(interval.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(interval.generation()).isEqualTo(3);

        KustomizationSettings none = settings(spec -> {
        });
        assertThat(none.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(none.retryInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(none.impersonatedUser()).isNull();
        assertThat(none.deletesObjectsOnDeletion()).isFalse();

        KustomizationSettings all = settings(spec -> {
            spec.setInterval("1m");
            spec.setRetryInterval("30s");
            spec.setTimeout("2m");
            spec.setServiceAccountName("deployer");
            spec.setPrune(true);
        });
        assertThat(all.retryInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(all.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(all.applyOptions().waitTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(all.impersonatedUser()).isEqualTo("system:serviceaccount:apps:deployer");
        assertThat(all.deletesObjectsOnDeletion()).isTrue();
    }

    @Test
    void dependencyWithoutNamespaceIsInTheKustomizationsNamespace() {
        DependencyReference local = new DependencyReference();
        local.setName("db");
        DependencyReference remote = new DependencyReference();
        remote.setName("infra");
        remote.setNamespace("flux-system");

        assertThat(settings(spec -> spec.setDependsOn(List.of(local, remote))).dependsOn()).containsExactly(
                ObjectKey.of("Kustomization", "apps", "db"), ObjectKey.of("Kustomization", "flux-system", "infra"));
    }

    @Test
    void deletionPolicyDecidesWhetherObjectsGoWithTheKustomization() {
        assertThat(settings(spec -> spec.setDeletionPolicy("Delete")).deletesObjectsOnDeletion()).isTrue();
        assertThat(settings(spec -> {
            spec.setDeletionPolicy("Orphan");
            spec.setPrune(true);
        }).deletesObjectsOnDeletion()).isFalse();
        assertThatThrownBy(() -> settings(spec -> spec.setDeletionPolicy("Sometimes")))
                .isInstanceOf(KustomizationSettings.InvalidSpecException.class)
                .hasMessageContaining("spec.deletionPolicy").hasMessageContaining("Sometimes").hasMessageContaining("Orphan");
    }

    @Test
    void invalidDurationsNameTheField() {
        assertThatThrownBy(() -> settings(spec -> spec.setRetryInterval("often")))
                .isInstanceOf(KustomizationSettings.InvalidSpecException.class)
                .hasMessageContaining("Kustomization/apps/web").hasMessageContaining("spec.retryInterval");
        assertThatThrownBy(() -> settings(spec -> spec.setInterval("0s")))
                .isInstanceOf(KustomizationSettings.InvalidSpecException.class)
                .hasMessageContaining("spec.interval is '0s'; it must be a positive Go duration");
        assertThatThrownBy(() -> settings(spec -> spec.setDependsOn(List.of(new DependencyReference()))))
                .hasMessageContaining("spec.dependsOn has an entry without a name");
    }

    @Test
    void durationsArePrintedAsGoPrintsThem() {
        assertThat(KustomizationSettings.goDuration(Duration.ofSeconds(7))).isEqualTo("7s");
        assertThat(KustomizationSettings.goDuration(Duration.ofMinutes(1))).isEqualTo("1m0s");
        assertThat(KustomizationSettings.goDuration(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
        assertThat(KustomizationSettings.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(KustomizationSettings.goDuration(Duration.ofMillis(250))).isEqualTo("250ms");
    }
}
