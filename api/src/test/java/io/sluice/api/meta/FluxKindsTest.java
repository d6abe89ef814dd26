package io.sluice.api.meta;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Alert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FluxKindsTest {

    @Test
    void findsTheClassByApiVersionAndKind() {
        assertThat(FluxKinds.find("kustomize.toolkit.fluxcd.io/v1", "Kustomization")).contains(Kustomization.class);
        assertThat(FluxKinds.find("notification.toolkit.fluxcd.io/v1beta3", "Alert")).contains(Alert.class);
    }

    @Test
    void anOlderVersionIsNotFound() {
        assertThat(FluxKinds.find("kustomize.toolkit.fluxcd.io/v1beta2", "Kustomization")).isEmpty();
        assertThat(FluxKinds.find("source.toolkit.fluxcd.io/v1", "Bucket")).isEmpty();
    }

    @Test
    void requireSaysWhatIsSupported() {
        assertThatThrownBy(() -> FluxKinds.require("kustomize.toolkit.fluxcd.io/v1beta2", "Kustomization"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sluice does not read Kustomization in kustomize.toolkit.fluxcd.io/v1beta2")
                .hasMessageContaining("Kustomization (kustomize.toolkit.fluxcd.io/v1)")
                .hasMessageContaining("HelmRelease (helm.toolkit.fluxcd.io/v2)");
    }

    @Test
    void crdName() {
        assertThat(FluxKinds.crdName(Kustomization.class)).isEqualTo("kustomizations.kustomize.toolkit.fluxcd.io");
    }
}
