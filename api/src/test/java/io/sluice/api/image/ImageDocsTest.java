package io.sluice.api.image;

import io.fabric8.kubernetes.client.CustomResource;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDocs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed getters of the image kinds return what the Flux-docs manifests say. */
class ImageDocsTest {

    @Test
    void imageKindsUseTheV1ApiOfFlux27() {
        assertThat(ImageRepository.API_VERSION).isEqualTo("image.toolkit.fluxcd.io/v1");
        assertThat(ImagePolicy.API_VERSION).isEqualTo("image.toolkit.fluxcd.io/v1");
        assertThat(ImageUpdateAutomation.API_VERSION).isEqualTo("image.toolkit.fluxcd.io/v1");
    }

    @Test
    void imageRepository() {
        ImageRepository repository = (ImageRepository) FluxDocs.named("imagerepository.yaml").typed();
        ImageRepositorySpec spec = repository.getSpec();

        assertThat(spec.getImage()).isEqualTo("ghcr.io/stefanprodan/podinfo");
        assertThat(spec.getInterval()).isEqualTo("1h");
        assertThat(spec.getTimeout()).isEqualTo("60s");
        assertThat(spec.getProvider()).isEqualTo("generic");
        assertThat(spec.getSecretRef().getName()).isEqualTo("ghcr-pull");
        assertThat(spec.getProxySecretRef().getName()).isEqualTo("http-proxy");
        assertThat(spec.getCertSecretRef().getName()).isEqualTo("registry-tls");
        assertThat(spec.getServiceAccountName()).isEqualTo("image-scanner");
        assertThat(spec.getExclusionList()).containsExactly("^.*\\.sig$", "^.*-rc\\d+$");
        assertThat(spec.getInsecure()).isFalse();
        assertThat(spec.getSuspend()).isFalse();

        ImageRepositoryStatus status = repository.getStatus();
        assertThat(status.getCanonicalImageName()).isEqualTo("ghcr.io/stefanprodan/podinfo");
        assertThat(status.getLastScanResult().getTagCount()).isEqualTo(42);
        assertThat(status.getLastScanResult().getScanTime()).isEqualTo("2024-05-01T06:00:00Z");
        assertThat(status.getLastScanResult().getRevision()).startsWith("sha256:");
        assertThat(status.getLastScanResult().getLatestTags()).containsExactly("6.5.4", "6.5.3", "6.5.2");
        assertThat(status.getObservedExclusionList()).hasSize(2);
        assertThat(Conditions.isReadyFor(status, 1)).isTrue();
    }

    @Test
    void imagePolicyWithSemverWritesLatestRef() {
        ImagePolicy policy = (ImagePolicy) FluxDocs.named("imagepolicy-semver.yaml").typed();
        ImagePolicySpec spec = policy.getSpec();

        assertThat(spec.getImageRepositoryRef().getName()).isEqualTo("podinfo");
        assertThat(spec.getImageRepositoryRef().getNamespace()).isEqualTo("flux-system");
        assertThat(spec.getPolicy().getSemver().getRange()).isEqualTo("6.5.x");
        assertThat(spec.getPolicy().getAlphabetical()).isNull();
        assertThat(spec.getPolicy().getNumerical()).isNull();
        assertThat(spec.getDigestReflectionPolicy()).isEqualTo("Always");
        assertThat(spec.getInterval()).isEqualTo("10m");
        assertThat(spec.getSuspend()).isFalse();

        ImagePolicyStatus status = policy.getStatus();
        assertThat(status.getLatestRef().getName()).isEqualTo("ghcr.io/stefanprodan/podinfo");
        assertThat(status.getLatestRef().getTag()).isEqualTo("6.5.4");
        assertThat(status.getLatestRef().getDigest()).startsWith("sha256:3f2a");
        assertThat(status.getObservedPreviousRef().getTag()).isEqualTo("6.5.3");
        assertThat(Conditions.get(status, ConditionTypes.READY).orElseThrow().getMessage()).contains("resolved to 6.5.4");
    }

    @Test
    void imagePoliciesWithFilterAndOrder() {
        List<ImagePolicy> policies = FluxDocs.all().stream()
                .filter(doc -> doc.name().startsWith("imagepolicy-filtered.yaml#"))
                .map(FluxDocs.Doc::typed)
                .map(ImagePolicy.class::cast)
                .toList();

        assertThat(policies).hasSize(2);
        ImagePolicySpec numerical = policies.get(0).getSpec();
        assertThat(numerical.getFilterTags().getPattern()).isEqualTo("^main-[a-fA-F0-9]+-(?P<ts>.*)");
        assertThat(numerical.getFilterTags().getExtract()).isEqualTo("$ts");
        assertThat(numerical.getPolicy().getNumerical().getOrder()).isEqualTo("asc");
        assertThat(numerical.getDigestReflectionPolicy()).isEqualTo("IfNotPresent");
        assertThat(numerical.getImageRepositoryRef().getNamespace()).isNull();
        ImagePolicySpec alphabetical = policies.get(1).getSpec();
        assertThat(alphabetical.getPolicy().getAlphabetical().getOrder()).isEqualTo("desc");
        assertThat(alphabetical.getFilterTags().getExtract()).isEqualTo("$timestamp");
        assertThat(policies).allSatisfy(p -> assertThat(((CustomResource<?, ?>) p).getStatus()).isNull());
    }

    @Test
    void imageUpdateAutomation() {
        ImageUpdateAutomation automation = (ImageUpdateAutomation) FluxDocs.named("imageupdateautomation.yaml").typed();
        ImageUpdateAutomationSpec spec = automation.getSpec();

        assertThat(spec.getInterval()).isEqualTo("30m");
        assertThat(spec.getSourceRef().getKind()).isEqualTo("GitRepository");
        assertThat(spec.getSourceRef().getName()).isEqualTo("podinfo");
        assertThat(spec.getSourceRef().getNamespace()).isEqualTo("flux-system");
        assertThat(spec.getGit().getCheckout().getRef().getBranch()).isEqualTo("main");
        CommitSpec commit = spec.getGit().getCommit();
        assertThat(commit.getAuthor().getName()).isEqualTo("fluxcdbot");
        assertThat(commit.getAuthor().getEmail()).isEqualTo("fluxcdbot@users.noreply.github.com");
        assertThat(commit.getSigningKey().getSecretRef().getName()).isEqualTo("signing-key");
        assertThat(commit.getSigningKey().getType()).isEqualTo("gpg");
        assertThat(commit.getMessageTemplate()).startsWith("Automated image update\n").contains("{{ .AutomationObject }}");
        assertThat(commit.getMessageTemplateValues()).containsEntry("cluster", "prod");
        assertThat(spec.getGit().getPush().getBranch()).isEqualTo("flux-image-updates");
        assertThat(spec.getGit().getPush().getRefspec()).isEqualTo("refs/heads/flux-image-updates:refs/heads/main");
        assertThat(spec.getGit().getPush().getOptions()).containsEntry("merge_request.create", "");
        assertThat(spec.getUpdate().getPath()).isEqualTo("./clusters/my-cluster");
        assertThat(spec.getUpdate().getStrategy()).isEqualTo("Setters");
        assertThat(spec.getPolicySelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "image");
        assertThat(spec.getSuspend()).isFalse();

        ImageUpdateAutomationStatus status = automation.getStatus();
        assertThat(status.getLastAutomationRunTime()).isEqualTo("2024-05-01T06:05:00Z");
        assertThat(status.getLastPushCommit()).isEqualTo("8c14fe1b56a3bd0e5b8e6c1ab4f0d2e1f3a5c7e9");
        assertThat(status.getLastPushTime()).isEqualTo("2024-05-01T06:04:58Z");
        assertThat(status.getObservedPolicies().get("podinfo").getTag()).isEqualTo("6.5.4");
        assertThat(status.getObservedSourceRevision()).isEqualTo("main@sha1:8c14fe1b56a3bd0e5b8e6c1ab4f0d2e1f3a5c7e9");
        assertThat(Conditions.isTrue(status, ConditionTypes.READY)).isTrue();
    }
}
