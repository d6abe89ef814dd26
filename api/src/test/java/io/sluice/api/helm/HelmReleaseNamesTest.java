package io.sluice.api.helm;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names helm-controller derives from a HelmRelease (the long-name hash computed independently with Python's hashlib). */
class HelmReleaseNamesTest {

    private static HelmRelease release(String namespace, String name) {
        HelmRelease release = new HelmRelease();
        release.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        release.setSpec(new HelmReleaseSpec());
        return release;
    }

    @Test
    void theReleaseNameIsSpecReleaseNameElseTargetNamespaceDashNameElseTheName() {
        HelmRelease release = release("apps", "web");
        assertThat(HelmReleaseNames.releaseName(release)).isEqualTo("web");
        assertThat(HelmReleaseNames.releaseNamespace(release)).isEqualTo("apps");
        assertThat(HelmReleaseNames.storageNamespace(release)).isEqualTo("apps");
        assertThat(HelmReleaseNames.helmChartName(release)).isEqualTo("apps-web");

        release.getSpec().setTargetNamespace("prod");
        release.getSpec().setStorageNamespace("helm-storage");
        assertThat(HelmReleaseNames.releaseName(release)).isEqualTo("prod-web");
        assertThat(HelmReleaseNames.releaseNamespace(release)).isEqualTo("prod");
        assertThat(HelmReleaseNames.storageNamespace(release)).isEqualTo("helm-storage");

        release.getSpec().setReleaseName("frontend");
        assertThat(HelmReleaseNames.releaseName(release)).isEqualTo("frontend");
    }

    @Test
    void aNameLongerThan53CharactersIsCutTo40WithAHashAsFluxDoes() {
        HelmRelease release = release("apps", "podinfo-release-with-a-long-name");
        release.getSpec().setTargetNamespace("very-long-target-namespace-name-for-testing");

        assertThat(HelmReleaseNames.releaseName(release)).isEqualTo("very-long-target-namespace-name-for-test-691b316d52c1").hasSize(53);
        assertThat(HelmReleaseNames.shorten("x".repeat(53))).isEqualTo("x".repeat(53));
    }
}
