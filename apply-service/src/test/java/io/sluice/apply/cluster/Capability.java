package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.apply.ssa.Manifests;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What a cluster test may need beyond a server that stores and serves objects, each probed on the server itself with
 * requests that write nothing (dry runs) or clean up after themselves. The sandbox has none of these today
 * (docs/sandbox.md); K3s and a real cluster with a kubelet have all.
 */
enum Capability {

    RUNS_WORKLOADS("run workloads (a node Ready: controllers and a kubelet roll Deployments out and run Jobs)",
            cluster -> cluster.admin().nodes().list().getItems().stream().anyMatch(K3sCluster::ready)),
    DEFAULTS_OBJECTS("fill in defaults (a Service's port protocol, its clusterIP)", Capability::defaultsAService),
    VALIDATES_OBJECTS("validate objects (a Service port of 70000 refused)", Capability::refusesAnInvalidService),
    REFUSES_MISSING_NAMESPACES("refuse objects in a namespace that does not exist", Capability::refusesAMissingNamespace),
    VALIDATES_CUSTOM_RESOURCES("validate custom resources against their CRD's schema", Capability::validatesACustomResource),
    ADMISSION_POLICIES("serve ValidatingAdmissionPolicies", cluster -> served(cluster.admin(), "admissionregistration.k8s.io/v1",
            "ValidatingAdmissionPolicy")),
    ENFORCES_RBAC("authorize requests with RBAC (an impersonated service account without roles may list nothing)",
            Capability::forbidsAServiceAccountWithoutRoles);

    private static final String PROBE = "sluice-test-probe";

    private final String what;
    private final Predicate<TestCluster> probe;

    Capability(String what, Predicate<TestCluster> probe) {
        this.what = what;
        this.probe = probe;
    }

    String what() {
        return what;
    }

    boolean probe(TestCluster cluster) {
        return probe.test(cluster);
    }

    private static boolean defaultsAService(TestCluster cluster) {
        Service answer = cluster.admin().services().inNamespace("default").resource(service(80)).dryRun().create();
        return "TCP".equals(answer.getSpec().getPorts().get(0).getProtocol()) && answer.getSpec().getClusterIP() != null
                && !answer.getSpec().getClusterIP().isBlank();
    }

    private static boolean refusesAnInvalidService(TestCluster cluster) {
        return refused(() -> cluster.admin().services().inNamespace("default").resource(service(70000)).dryRun().create(), 422);
    }

    private static boolean refusesAMissingNamespace(TestCluster cluster) {
        return refused(() -> cluster.admin().configMaps().inNamespace(PROBE + "-no-such-namespace")
                .resource(new ConfigMapBuilder().withNewMetadata().withName(PROBE).endMetadata().build()).dryRun().create(), 404);
    }

    /** The tests' Widget CRD, whose schema requires spec.size: a Widget without it must be refused. The CRD is deleted again. */
    private static boolean validatesACustomResource(TestCluster cluster) {
        KubernetesClient client = cluster.admin();
        String group = PROBE + ".sluice.io";
        CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(ClusterFixtures.widgetCrd(group),
                CustomResourceDefinition.class);
        client.resource(crd).serverSideApply();
        try {
            await("CRD widgets." + group + " served").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> served(client, group + "/v1", "Widget"));
            GenericKubernetesResource probe = Manifests.object(Manifests.tree(Map.of("apiVersion", group + "/v1", "kind", "Widget",
                    "metadata", Map.of("name", PROBE, "namespace", "default"), "spec", Map.of("color", "red"))));
            return refused(() -> client.genericKubernetesResources(group + "/v1", "Widget").inNamespace("default").resource(probe)
                    .dryRun().create(), 422);
        } finally {
            client.resource(crd).delete();
        }
    }

    private static boolean forbidsAServiceAccountWithoutRoles(TestCluster cluster) {
        try (KubernetesClient nobody = cluster.impersonating("system:serviceaccount:default:" + PROBE + "-nobody")) {
            return refused(() -> nobody.configMaps().inNamespace("default").list(), 403);
        }
    }

    private static Service service(int port) {
        return new ServiceBuilder().withNewMetadata().withName(PROBE).endMetadata()
                .withNewSpec().addToSelector("app", PROBE).addNewPort().withPort(port).endPort().endSpec().build();
    }

    private static boolean served(KubernetesClient client, String apiVersion, String kind) {
        try {
            APIResourceList resources = client.getApiResources(apiVersion);
            return resources != null && resources.getResources().stream().anyMatch(r -> kind.equals(r.getKind()));
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    /** Whether the server refused the request with {@code code}; accepted is false, any other error is thrown. */
    private static boolean refused(Runnable request, int code) {
        try {
            request.run();
            return false;
        } catch (KubernetesClientException e) {
            if (e.getCode() == code) {
                return true;
            }
            throw e;
        }
    }
}
