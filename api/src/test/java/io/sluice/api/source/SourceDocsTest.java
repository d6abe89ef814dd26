package io.sluice.api.source;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDocs;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.Revision;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed getters of the source kinds return what the Flux-docs manifests say. */
class SourceDocsTest {

    @Test
    void gitRepository() {
        GitRepository repository = (GitRepository) FluxDocs.named("gitrepository.yaml").typed();
        GitRepositorySpec spec = repository.getSpec();

        assertThat(GitRepository.API_VERSION).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(repository.getMetadata().getNamespace()).isEqualTo("flux-system");
        assertThat(spec.getUrl()).isEqualTo("ssh://git@github.com/stefanprodan/podinfo");
        assertThat(spec.getSecretRef().getName()).isEqualTo("podinfo-ssh");
        assertThat(spec.getProvider()).isEqualTo("generic");
        assertThat(FluxDuration.parse(spec.getInterval())).isEqualTo(Duration.ofMinutes(5));
        assertThat(FluxDuration.parse(spec.getTimeout())).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.getRef().getBranch()).isEqualTo("master");
        assertThat(spec.getRef().getTag()).isNull();
        assertThat(spec.getVerify().getMode()).isEqualTo("HEAD");
        assertThat(spec.getVerify().getSecretRef().getName()).isEqualTo("pgp-public-keys");
        assertThat(spec.getProxySecretRef().getName()).isEqualTo("http-proxy");
        assertThat(spec.getIgnore()).contains("!/deploy");
        assertThat(spec.getSuspend()).isFalse();
        assertThat(spec.getRecurseSubmodules()).isTrue();
        assertThat(spec.getInclude()).singleElement().satisfies(include -> {
            assertThat(include.getRepository().getName()).isEqualTo("app-config");
            assertThat(include.getFromPath()).isEqualTo("deploy/kustomize");
            assertThat(include.getToPath()).isEqualTo("base/app");
        });
        assertThat(spec.getSparseCheckout()).containsExactly("deploy");
        assertThat(spec.getServiceAccountName()).isEqualTo("git-sa");

        GitRepositoryStatus status = repository.getStatus();
        assertThat(status.getObservedGeneration()).isEqualTo(2L);
        assertThat(Conditions.isTrue(status, ConditionTypes.READY)).isTrue();
        assertThat(Conditions.get(status, ConditionTypes.ARTIFACT_IN_STORAGE).orElseThrow().getReason()).isEqualTo("Succeeded");
        assertThat(Revision.parse(status.getArtifact().getRevision()))
                .isEqualTo(Revision.git("master", "132f4e719209eb10b9485302f8593fc0e680f4fc"));
        assertThat(status.getArtifact().getDigest()).startsWith("sha256:");
        assertThat(status.getArtifact().getSize()).isEqualTo(91318L);
        assertThat(status.getArtifact().getLastUpdateTime()).isEqualTo("2024-02-01T10:00:00Z");
        assertThat(status.getArtifact().getMetadata()).containsEntry("org.opencontainers.image.source", "https://github.com/stefanprodan/podinfo");
        assertThat(status.getIncludedArtifacts()).singleElement().extracting(a -> a.getRevision())
                .isEqualTo("main@sha1:0a1b2c3d4e5f60718293a4b5c6d7e8f901234567");
        assertThat(status.getObservedInclude()).hasSize(1);
        assertThat(status.getSourceVerificationMode()).isEqualTo("HEAD");
        assertThat(status.getLastHandledReconcileAt()).isEqualTo("2024-02-01T09:59:30Z");
    }

    @Test
    void helmRepository() {
        HelmRepository repository = (HelmRepository) FluxDocs.named("helmrepository.yaml").typed();
        HelmRepositorySpec spec = repository.getSpec();

        assertThat(spec.getType()).isEqualTo("oci");
        assertThat(spec.getUrl()).isEqualTo("oci://ghcr.io/stefanprodan/charts");
        assertThat(spec.getInterval()).isEqualTo("10m");
        assertThat(spec.getTimeout()).isEqualTo("1m");
        assertThat(spec.getSecretRef().getName()).isEqualTo("ghcr-auth");
        assertThat(spec.getCertSecretRef().getName()).isEqualTo("registry-tls");
        assertThat(spec.getPassCredentials()).isFalse();
        assertThat(spec.getInsecure()).isFalse();
        assertThat(spec.getSuspend()).isFalse();
        assertThat(spec.getProvider()).isEqualTo("generic");

        HelmRepositoryStatus status = repository.getStatus();
        assertThat(status.getUrl()).endsWith("/index.yaml");
        assertThat(status.getArtifact().getSize()).isEqualTo(40898L);
        assertThat(status.getConditions()).singleElement().extracting(c -> c.getMessage()).isEqualTo("Helm repository is Ready");
    }

    @Test
    void helmChart() {
        HelmChart chart = (HelmChart) FluxDocs.named("helmchart.yaml").typed();
        HelmChartSpec spec = chart.getSpec();

        assertThat(HelmChart.API_VERSION).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(spec.getChart()).isEqualTo("podinfo");
        assertThat(spec.getVersion()).isEqualTo("5.*");
        assertThat(spec.getReconcileStrategy()).isEqualTo("ChartVersion");
        assertThat(spec.getSourceRef().getKind()).isEqualTo("HelmRepository");
        assertThat(spec.getSourceRef().getName()).isEqualTo("podinfo");
        assertThat(FluxDuration.parse(spec.getInterval())).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.getValuesFiles()).containsExactly("values.yaml", "values-prod.yaml");
        assertThat(spec.getIgnoreMissingValuesFiles()).isTrue();
        assertThat(spec.getSuspend()).isFalse();
        assertThat(spec.getVerify().getProvider()).isEqualTo("cosign");
        assertThat(spec.getVerify().getSecretRef().getName()).isEqualTo("cosign-public-keys");
        assertThat(spec.getVerify().getMatchOIDCIdentity()).singleElement()
                .satisfies(match -> assertThat(match.getIssuer()).startsWith("^https://token"));

        HelmChartStatus status = chart.getStatus();
        assertThat(status.getObservedChartName()).isEqualTo("podinfo");
        assertThat(status.getObservedSourceArtifactRevision()).startsWith("sha256:83a3");
        assertThat(status.getObservedValuesFiles()).containsExactly("values.yaml", "values-prod.yaml");
        assertThat(status.getArtifact().getRevision()).isEqualTo("5.2.1");
        assertThat(status.getArtifact().getPath()).isEqualTo("helmchart/default/podinfo/podinfo-5.2.1.tgz");
        assertThat(Conditions.get(status, ConditionTypes.READY).orElseThrow().getReason()).isEqualTo("ChartPullSucceeded");
        assertThat(status.getLastHandledReconcileAt()).isEqualTo("2024-02-01T09:59:30Z");
    }

    @Test
    void ociRepository() {
        OCIRepository repository = (OCIRepository) FluxDocs.named("ocirepository.yaml").typed();
        OCIRepositorySpec spec = repository.getSpec();

        assertThat(OCIRepository.API_VERSION).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(spec.getUrl()).isEqualTo("oci://ghcr.io/stefanprodan/charts/podinfo");
        assertThat(spec.getRef().getSemver()).isEqualTo(">= 6.0.0");
        assertThat(spec.getRef().getSemverFilter()).isEqualTo(".*-rc.*");
        assertThat(spec.getRef().getTag()).isNull();
        assertThat(spec.getLayerSelector().getMediaType()).isEqualTo("application/vnd.cncf.helm.chart.content.v1.tar+gzip");
        assertThat(spec.getLayerSelector().getOperation()).isEqualTo("copy");
        assertThat(spec.getSecretRef().getName()).isEqualTo("ghcr-auth");
        assertThat(spec.getCertSecretRef().getName()).isEqualTo("registry-tls");
        assertThat(spec.getProvider()).isEqualTo("generic");
        assertThat(FluxDuration.parse(spec.getTimeout())).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.getIgnore()).contains("!/deploy");
        assertThat(spec.getInsecure()).isFalse();
        assertThat(spec.getVerify().getProvider()).isEqualTo("cosign");

        OCIRepositoryStatus status = repository.getStatus();
        assertThat(Revision.parse(status.getArtifact().getRevision()).ref()).isEqualTo("6.6.2");
        assertThat(status.getArtifact().getMetadata()).containsEntry("org.opencontainers.image.source", "https://github.com/stefanprodan/podinfo");
        assertThat(status.getObservedLayerSelector().getOperation()).isEqualTo("copy");
        assertThat(status.getObservedIgnore()).contains("!/deploy");
    }
}
