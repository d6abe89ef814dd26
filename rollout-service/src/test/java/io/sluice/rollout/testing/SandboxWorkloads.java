package io.sluice.rollout.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.testing.PodReadiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox API server does not do by itself: it runs no pods, so tests mark pods Ready where a kubelet would
 * (the simulated Deployment controller then writes the status); and it has no Gateway API, so tests register a
 * stand-in HTTPRoute CRD.
 */
public final class SandboxWorkloads {

    private static final ResourceDefinitionContext HTTP_ROUTES = new ResourceDefinitionContext.Builder()
            .withGroup("gateway.networking.k8s.io").withVersion("v1").withKind("HTTPRoute").withPlural("httproutes").withNamespaced(true).build();

    private static final Duration ROLLOUT_WAIT = Duration.ofSeconds(30);

    private SandboxWorkloads() {
    }

    public static void registerHttpRoutes(SandboxCluster cluster) {
        try (InputStream crd = SandboxWorkloads.class.getResourceAsStream("/httproute-crd.yaml")) {
            cluster.registerCustomResourceDefinitions(crd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks the Deployment's pods Ready as they appear, as a kubelet would report them, until the (simulated)
     * Deployment controller shows the current generation rolled out: the test never writes the Deployment's status
     * itself, which the controller owns and would overwrite.
     */
    public static void markRolledOut(KubernetesClient client, String namespace, String name) {
        PodReadiness.rollOut(client, namespace, name, ROLLOUT_WAIT);
    }

    /** The canary backend's weight in the HTTPRoute {@code name}, checking that both weights add up to 100. */
    @SuppressWarnings("unchecked")
    public static int canaryWeight(KubernetesClient client, String namespace, String name) {
        GenericKubernetesResource route = client.genericKubernetesResources(HTTP_ROUTES).inNamespace(namespace).withName(name).get();
        Map<String, Object> spec = (Map<String, Object>) route.getAdditionalProperties().get("spec");
        List<Map<String, Object>> backends = (List<Map<String, Object>>) ((List<Map<String, Object>>) spec.get("rules")).get(0).get("backendRefs");
        assertThat(((Number) backends.get(0).get("weight")).intValue() + ((Number) backends.get(1).get("weight")).intValue()).isEqualTo(100);
        return ((Number) backends.get(1).get("weight")).intValue();
    }

    public static void setImage(KubernetesClient client, String namespace, String deployment, String image) {
        // A JSON patch without a resourceVersion, as kubectl set image does: the simulated deployment controller
        // writes the status meanwhile, and an edit would then fail with 409 Conflict.
        client.apps().deployments().inNamespace(namespace).withName(deployment).patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
    }
}
