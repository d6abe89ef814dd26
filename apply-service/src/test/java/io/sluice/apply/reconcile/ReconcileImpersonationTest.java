package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spec.serviceAccountName}: the apply goes through a client impersonating the service account; the service
 * reads and writes the Kustomization as itself.
 */
class ReconcileImpersonationTest extends ReconcileRunTest {

    @Test
    void serviceAccountNameIsImpersonatedForTheApplyOnly() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(cluster.masterUrl());
             KubernetesClient proxied = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder(cluster.config()).withMasterUrl(proxy.url()).build()).build()) {
            KustomizationApplyHandler handler = handler(proxied);
            ObjectKey key = create("impersonating", spec -> spec.setServiceAccountName("deployer"));

            handler.onManifests(rendering(key, configMaps("impersonated-cm")));

            assertThat(configMap("impersonated-cm")).isNotNull();
            List<RecordingProxy.Seen> applies = proxy.seen().stream()
                    .filter(s -> s.method().equals("PATCH") && s.path().contains("/configmaps/impersonated-cm")).toList();
            assertThat(applies).isNotEmpty().allSatisfy(s ->
                    assertThat(s.impersonateUser()).isEqualTo("system:serviceaccount:flux-system:deployer"));
            assertThat(proxy.seen().stream().filter(s -> s.path().contains("/kustomizations/impersonating")))
                    .as("the service reads and writes the Kustomization as itself").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.impersonateUser()).isNull());
        }
    }
}
