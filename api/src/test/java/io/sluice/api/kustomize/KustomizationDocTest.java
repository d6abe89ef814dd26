package io.sluice.api.kustomize;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDocs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed getters of Kustomization return what the Flux-docs manifest says. */
class KustomizationDocTest {

    @Test
    void kustomization() {
        Kustomization kustomization = (Kustomization) FluxDocs.named("kustomization.yaml").typed();
        KustomizationSpec spec = kustomization.getSpec();

        assertThat(Kustomization.API_VERSION).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
        assertThat(spec.getSourceRef().getKind()).isEqualTo("GitRepository");
        assertThat(spec.getSourceRef().getName()).isEqualTo("podinfo");
        assertThat(spec.getSourceRef().getNamespace()).isEqualTo("flux-system");
        assertThat(spec.getSourceRef().getApiVersion()).isEqualTo("source.toolkit.fluxcd.io/v1");
        assertThat(spec.getPath()).isEqualTo("./kustomize");
        assertThat(spec.getInterval()).isEqualTo("10m");
        assertThat(spec.getRetryInterval()).isEqualTo("2m");
        assertThat(spec.getTimeout()).isEqualTo("5m");
        assertThat(spec.getPrune()).isTrue();
        assertThat(spec.getDeletionPolicy()).isEqualTo("MirrorPrune");
        assertThat(spec.getWait()).isFalse();
        assertThat(spec.getForce()).isFalse();
        assertThat(spec.getSuspend()).isFalse();
        assertThat(spec.getTargetNamespace()).isEqualTo("apps");
        assertThat(spec.getNamePrefix()).isEqualTo("dev-");
        assertThat(spec.getNameSuffix()).isEqualTo("-v1");
        assertThat(spec.getServiceAccountName()).isEqualTo("flux-apps");

        assertThat(spec.getDependsOn()).hasSize(2);
        assertThat(spec.getDependsOn().get(0).getName()).isEqualTo("infra-controllers");
        assertThat(spec.getDependsOn().get(0).getNamespace()).isNull();
        assertThat(spec.getDependsOn().get(1).getNamespace()).isEqualTo("cert-manager");
        assertThat(spec.getDependsOn().get(1).getReadyExpr()).contains("e.type == 'Ready'");

        assertThat(spec.getHealthChecks()).extracting(h -> h.getKind() + "/" + h.getNamespace() + "/" + h.getName())
                .containsExactly("Deployment/apps/podinfo", "HelmRelease/apps/redis");
        assertThat(spec.getHealthChecks().get(0).getApiVersion()).isEqualTo("apps/v1");
        assertThat(spec.getHealthCheckExprs()).singleElement().satisfies(check -> {
            assertThat(check.getApiVersion()).isEqualTo("cert-manager.io/v1");
            assertThat(check.getKind()).isEqualTo("Certificate");
            assertThat(check.getCurrent()).contains("'True'");
            assertThat(check.getInProgress()).contains("'Unknown'");
            assertThat(check.getFailed()).contains("'False'");
        });

        assertThat(spec.getPatches()).hasSize(2);
        Patch strategicMerge = spec.getPatches().get(0);
        assertThat(strategicMerge.getPatch()).startsWith("apiVersion: apps/v1\nkind: Deployment");
        assertThat(strategicMerge.getTarget().getKind()).isEqualTo("Deployment");
        assertThat(strategicMerge.getTarget().getLabelSelector()).isEqualTo("app.kubernetes.io/part-of=my-app");
        Selector target = spec.getPatches().get(1).getTarget();
        assertThat(target.getGroup()).isEqualTo("apps");
        assertThat(target.getVersion()).isEqualTo("v1");
        assertThat(target.getName()).isEqualTo("podinfo");
        assertThat(target.getNamespace()).isEqualTo("apps");
        assertThat(target.getAnnotationSelector()).isEqualTo("sluice.io/secure=true");

        assertThat(spec.getImages()).hasSize(2);
        assertThat(spec.getImages().get(0).getName()).isEqualTo("ghcr.io/stefanprodan/podinfo");
        assertThat(spec.getImages().get(0).getNewName()).isEqualTo("my-registry.example.com/podinfo");
        assertThat(spec.getImages().get(0).getNewTag()).isEqualTo("6.5.0");
        assertThat(spec.getImages().get(1).getDigest()).startsWith("sha256:24a0c4b4");
        assertThat(spec.getComponents()).containsExactly("../components/ingress");
        assertThat(spec.getIgnoreMissingComponents()).isFalse();
        assertThat(spec.getCommonMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "podinfo");
        assertThat(spec.getCommonMetadata().getAnnotations()).containsEntry("owner", "team-a");

        PostBuild postBuild = spec.getPostBuild();
        assertThat(postBuild.getSubstitute()).containsEntry("cluster_env", "prod").containsEntry("cluster_region", "eu-central-1");
        assertThat(postBuild.getSubstituteFrom()).extracting(SubstituteReference::getKind).containsExactly("ConfigMap", "Secret");
        assertThat(postBuild.getSubstituteFrom().get(0).getOptional()).isNull();
        assertThat(postBuild.getSubstituteFrom().get(1).getOptional()).isTrue();

        assertThat(spec.getDecryption().getProvider()).isEqualTo("sops");
        assertThat(spec.getDecryption().getSecretRef().getName()).isEqualTo("sops-age");
        assertThat(spec.getKubeConfig().getSecretRef().getName()).isEqualTo("prod-kubeconfig");
        assertThat(spec.getKubeConfig().getSecretRef().getKey()).isEqualTo("value.yaml");

        KustomizationStatus status = kustomization.getStatus();
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(Conditions.isReadyFor(status, 3)).isTrue();
        assertThat(Conditions.isTrue(status, ConditionTypes.HEALTHY)).isTrue();
        assertThat(status.getLastAppliedRevision()).isEqualTo("master@sha1:132f4e719209eb10b9485302f8593fc0e680f4fc");
        assertThat(status.getLastAppliedOriginRevision()).startsWith("v6.5.0@sha1:");
        assertThat(status.getLastAttemptedRevision()).isEqualTo(status.getLastAppliedRevision());
        assertThat(status.getLastHandledReconcileAt()).isEqualTo("2024-02-01T10:04:00Z");
        assertThat(status.getInventory().getEntries()).extracting(ResourceRef::getId, ResourceRef::getV)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple("apps_dev-podinfo-v1__Service", "v1"));
        assertThat(status.getInventory().getEntries()).hasSize(3);
    }
}
