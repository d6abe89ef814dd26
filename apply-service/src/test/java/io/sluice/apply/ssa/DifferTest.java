package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DifferTest {

    private static GenericKubernetesResource one(String fixture) {
        return Fixtures.load(fixture).get(0);
    }

    @Test
    void onlyServerMaintainedFieldsDifferingIsUnchanged() {
        assertThat(Differ.unchanged(one("differ-live.yaml"), one("differ-dryrun-same.yaml"))).isTrue();
        assertThat(Differ.differences(one("differ-live.yaml"), one("differ-dryrun-same.yaml"))).isEmpty();
    }

    @Test
    void aChangedDataKeyIsAChange() {
        assertThat(Differ.unchanged(one("differ-live.yaml"), one("differ-dryrun-changed.yaml"))).isFalse();
        assertThat(Differ.differences(one("differ-live.yaml"), one("differ-dryrun-changed.yaml"))).containsExactly("data.color");
    }

    @Test
    void aRemovedLabelAndStatusAreTreatedDifferently() {
        GenericKubernetesResource live = one("differ-live.yaml");
        GenericKubernetesResource dryRun = one("differ-dryrun-same.yaml");
        dryRun.setAdditionalProperty("status", java.util.Map.of("phase", "whatever"));
        assertThat(Differ.unchanged(live, dryRun)).as("status is the controller's, not compared").isTrue();
        live.getMetadata().getLabels().remove(ApplyOptions.NAME_LABEL);
        assertThat(Differ.differences(live, dryRun)).containsExactly("metadata.labels." + ApplyOptions.NAME_LABEL);
    }
}
