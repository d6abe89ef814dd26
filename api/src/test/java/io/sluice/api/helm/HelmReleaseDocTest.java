package io.sluice.api.helm;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDocs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed getters of HelmRelease return what the Flux-docs manifest says. */
class HelmReleaseDocTest {

    @Test
    void helmRelease() {
        HelmRelease release = (HelmRelease) FluxDocs.named("helmrelease.yaml").typed();
        HelmReleaseSpec spec = release.getSpec();

        assertThat(HelmRelease.API_VERSION).isEqualTo("helm.toolkit.fluxcd.io/v2");
        assertThat(spec.getInterval()).isEqualTo("10m");
        assertThat(spec.getTimeout()).isEqualTo("5m");
        HelmChartTemplateSpec chart = spec.getChart().getSpec();
        assertThat(chart.getChart()).isEqualTo("podinfo");
        assertThat(chart.getVersion()).isEqualTo("6.5.*");
        assertThat(chart.getSourceRef().getKind()).isEqualTo("HelmRepository");
        assertThat(chart.getSourceRef().getName()).isEqualTo("podinfo");
        assertThat(chart.getSourceRef().getNamespace()).isEqualTo("flux-system");
        assertThat(chart.getInterval()).isEqualTo("5m");
        assertThat(chart.getReconcileStrategy()).isEqualTo("ChartVersion");
        assertThat(chart.getValuesFiles()).containsExactly("values.yaml", "values-prod.yaml");
        assertThat(chart.getIgnoreMissingValuesFiles()).isTrue();
        assertThat(spec.getChart().getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(spec.getChartRef()).isNull();
        assertThat(spec.getReleaseName()).isEqualTo("podinfo");
        assertThat(spec.getTargetNamespace()).isEqualTo("apps");
        assertThat(spec.getStorageNamespace()).isEqualTo("apps");
        assertThat(spec.getServiceAccountName()).isEqualTo("helm-apps");
        assertThat(spec.getMaxHistory()).isEqualTo(5);
        assertThat(spec.getPersistentClient()).isTrue();
        assertThat(spec.getSuspend()).isFalse();
        assertThat(spec.getDependsOn()).singleElement().satisfies(d -> assertThat(d.getNamespace()).isEqualTo("cert-manager"));
        assertThat(spec.getDriftDetection().getMode()).isEqualTo("enabled");
        assertThat(spec.getDriftDetection().getIgnore()).hasSize(2);
        assertThat(spec.getDriftDetection().getIgnore().get(0).getPaths()).containsExactly("/spec/replicas");
        assertThat(spec.getDriftDetection().getIgnore().get(0).getTarget().getKind()).isEqualTo("Deployment");
        assertThat(spec.getDriftDetection().getIgnore().get(1).getTarget()).isNull();
        assertThat(chart.getVerify().getProvider()).isEqualTo("cosign");
        assertThat(chart.getVerify().getSecretRef().getName()).isEqualTo("cosign-public-keys");

        assertThat(spec.getInstall().getTimeout()).isEqualTo("10m");
        assertThat(spec.getInstall().getCreateNamespace()).isTrue();
        assertThat(spec.getInstall().getCrds()).isEqualTo("Create");
        assertThat(spec.getInstall().getRemediation().getRetries()).isEqualTo(3);
        assertThat(spec.getInstall().getRemediation().getRemediateLastFailure()).isTrue();
        assertThat(spec.getInstall().getStrategy().getName()).isEqualTo("RemediateOnFailure");
        assertThat(spec.getInstall().getDisableTakeOwnership()).isFalse();
        assertThat(spec.getUpgrade().getCrds()).isEqualTo("CreateReplace");
        assertThat(spec.getUpgrade().getStrategy().getName()).isEqualTo("RetryOnFailure");
        assertThat(spec.getUpgrade().getStrategy().getRetryInterval()).isEqualTo("2m");
        assertThat(spec.getUpgrade().getDisableTakeOwnership()).isFalse();
        assertThat(spec.getUpgrade().getCleanupOnFail()).isTrue();
        assertThat(spec.getUpgrade().getRemediation().getStrategy()).isEqualTo("rollback");
        assertThat(spec.getUpgrade().getRemediation().getIgnoreTestFailures()).isTrue();
        assertThat(spec.getTest().getEnable()).isTrue();
        assertThat(spec.getTest().getTimeout()).isEqualTo("3m");
        assertThat(spec.getTest().getFilters()).extracting(TestFilter::getName).containsExactly("test-connection", "test-slow");
        assertThat(spec.getTest().getFilters().get(1).getExclude()).isTrue();
        assertThat(spec.getRollback().getCleanupOnFail()).isTrue();
        assertThat(spec.getRollback().getRecreate()).isFalse();
        assertThat(spec.getUninstall().getKeepHistory()).isFalse();
        assertThat(spec.getUninstall().getDeletionPropagation()).isEqualTo("background");

        assertThat(spec.getValuesFrom()).hasSize(2);
        ValuesReference fromSecret = spec.getValuesFrom().get(1);
        assertThat(fromSecret.getKind()).isEqualTo("Secret");
        assertThat(fromSecret.getName()).isEqualTo("prod-tls-values");
        assertThat(fromSecret.getValuesKey()).isEqualTo("crt");
        assertThat(fromSecret.getTargetPath()).isEqualTo("tls.crt");
        assertThat(fromSecret.getOptional()).isTrue();

        Map<String, Object> values = spec.getValues();
        assertThat(values).containsEntry("replicaCount", 2).containsEntry("ratio", 0.75).containsEntry("nothing", null);
        assertThat(values.get("resources")).isEqualTo(Map.of("limits", Map.of("memory", "256Mi"),
                "requests", Map.of("cpu", "100m", "memory", "64Mi")));
        assertThat(values.get("tolerations")).isEqualTo(List.of());

        KustomizePostRenderer postRenderer = spec.getPostRenderers().get(0).getKustomize();
        assertThat(postRenderer.getPatches()).singleElement().satisfies(p -> {
            assertThat(p.getTarget().getKind()).isEqualTo("Deployment");
            assertThat(p.getPatch()).contains("op: add");
        });
        assertThat(postRenderer.getImages()).singleElement().satisfies(i -> assertThat(i.getNewTag()).isEqualTo("6.5.1"));
        assertThat(spec.getCommonMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "sluice");

        HelmReleaseStatus status = release.getStatus();
        assertThat(status.getObservedGeneration()).isEqualTo(4L);
        assertThat(status.getLastAttemptedGeneration()).isEqualTo(4L);
        assertThat(status.getObservedPostRenderersDigest()).startsWith("sha256:");
        assertThat(Conditions.isTrue(status, ConditionTypes.RELEASED)).isTrue();
        assertThat(Conditions.get(status, ConditionTypes.READY).orElseThrow().getReason()).isEqualTo("UpgradeSucceeded");
        assertThat(status.getHelmChart()).isEqualTo("flux-system/default-podinfo");
        assertThat(status.getStorageNamespace()).isEqualTo("apps");
        assertThat(status.getHistory()).extracting(Snapshot::getVersion).containsExactly(3, 2);
        Snapshot latest = status.getHistory().get(0);
        assertThat(latest.getName()).isEqualTo("podinfo");
        assertThat(latest.getNamespace()).isEqualTo("apps");
        assertThat(latest.getStatus()).isEqualTo("deployed");
        assertThat(latest.getChartName()).isEqualTo("podinfo");
        assertThat(latest.getChartVersion()).isEqualTo("6.5.4");
        assertThat(latest.getAppVersion()).isEqualTo("6.5.4");
        assertThat(latest.getConfigDigest()).startsWith("sha256:");
        assertThat(latest.getDigest()).startsWith("sha256:");
        assertThat(latest.getFirstDeployed()).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(latest.getLastDeployed()).isEqualTo("2024-04-01T11:59:40Z");
        assertThat(latest.getApiVersion()).isEqualTo("helm.toolkit.fluxcd.io/v2");
        assertThat(latest.getTestHooks()).containsOnlyKeys("podinfo-grpc-test-xr2kd");
        assertThat(latest.getTestHooks().get("podinfo-grpc-test-xr2kd").getPhase()).isEqualTo("Succeeded");
        assertThat(status.getObservedCommonMetadataDigest()).startsWith("sha256:");
        assertThat(status.getLastAttemptedReleaseActionDuration()).isEqualTo("19.5s");
        assertThat(status.getLastReleaseRevision()).isEqualTo(3);
        assertThat(status.getInventory().getEntries()).extracting(e -> e.getId())
                .containsExactly("apps_podinfo_apps_Deployment", "apps_podinfo__Service");
        assertThat(status.getLastAttemptedReleaseAction()).isEqualTo("upgrade");
        assertThat(status.getFailures()).isZero();
        assertThat(status.getInstallFailures()).isZero();
        assertThat(status.getUpgradeFailures()).isEqualTo(1L);
        assertThat(status.getLastAttemptedRevision()).isEqualTo("6.5.4");
        assertThat(status.getLastAttemptedRevisionDigest()).startsWith("sha256:");
        assertThat(status.getLastAttemptedValuesChecksum()).startsWith("2bc7");
        assertThat(status.getLastAttemptedConfigDigest()).startsWith("sha256:");
        assertThat(status.getLastHandledReconcileAt()).isEqualTo("2024-04-01T11:59:00Z");
        assertThat(status.getLastHandledForceAt()).isEqualTo("2024-03-20T08:00:00Z");
        assertThat(status.getLastHandledResetAt()).isEqualTo("2024-03-20T08:00:00Z");
    }
}
