package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Namespaces as a real cluster keeps them: what a new one carries and gets from the controllers, objects in one that
 * does not exist (404) or is being deleted (403), and deletion in phases (Terminating, then gone once empty).
 */
class NamespaceLifecycleTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static void namespace(String name) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    private static ConfigMap configMap(String namespace, String name) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withData(Map.of("k", "v")).build();
    }

    @Test
    void aNewNamespaceHasItsNameLabelTheKubernetesFinalizerAndWhatTheControllersPutInIt() throws Exception {
        namespace("fresh");

        Namespace fresh = client.namespaces().withName("fresh").get();
        assertThat(fresh.getMetadata().getLabels()).containsEntry("kubernetes.io/metadata.name", "fresh");
        assertThat(fresh.getSpec().getFinalizers()).containsExactly("kubernetes");
        assertThat(fresh.getStatus().getPhase()).isEqualTo("Active");
        assertThat(client.serviceAccounts().inNamespace("fresh").withName("default").get()).isNotNull();
        ConfigMap rootCa = client.configMaps().inNamespace("fresh").withName("kube-root-ca.crt").get();
        assertThat(rootCa.getMetadata().getManagedFields()).extracting(m -> m.getManager())
                .containsExactly("kube-controller-manager");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(rootCa.getData().get("ca.crt").getBytes(StandardCharsets.US_ASCII)));
        assertThat(certificate.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
    }

    @Test
    void anObjectInANamespaceThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> client.resource(configMap("nowhere", "c")).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"nowhere\" not found");
                    assertThat(e.getStatus().getDetails().getKind()).isEqualTo("namespaces");
                });
        assertThatThrownBy(() -> client.resource(configMap("nowhere", "c")).fieldManager("sluice").serverSideApply())
                .as("server-side apply creates nothing there either")
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThat(client.configMaps().inNamespace("nowhere").list().getItems()).as("a list there is empty").isEmpty();
    }

    @Test
    void aDeletedNamespaceIsTerminatingRefusesNewObjectsAndGoesOnceEmpty() {
        namespace("leaving");
        client.resource(configMap("leaving", "inside")).create();

        client.namespaces().withName("leaving").delete();

        Namespace terminating = client.namespaces().withName("leaving").get();
        assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotBlank();
        assertThatThrownBy(() -> client.resource(configMap("leaving", "late")).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"late\" is forbidden: unable to create "
                            + "new content in namespace leaving because it is being terminated");
                    assertThat(e.getStatus().getDetails().getCauses()).singleElement().satisfies(cause -> {
                        assertThat(cause.getReason()).isEqualTo("NamespaceTerminating");
                        assertThat(cause.getField()).isEqualTo("metadata.namespace");
                    });
                });
        assertThatThrownBy(() -> namespace("leaving")).as("it cannot be created again while it is there")
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

        await().atMost(Duration.ofSeconds(10)).until(() -> client.namespaces().withName("leaving").get() == null);
        assertThat(client.configMaps().inNamespace("leaving").list().getItems()).isEmpty();
        namespace("leaving"); // and now it can
    }

    @Test
    void anObjectHeldByAFinalizerKeepsItsNamespaceTerminatingUntilItGoes() throws InterruptedException {
        namespace("held");
        ConfigMap held = configMap("held", "held");
        held.getMetadata().setFinalizers(List.of("example.com/hold"));
        client.resource(held).create();

        client.namespaces().withName("held").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.configMaps().inNamespace("held").withName("held").get()
                .getMetadata().getDeletionTimestamp() != null);
        Thread.sleep(1_500); // longer than an empty namespace stays Terminating
        assertThat(client.namespaces().withName("held").get().getSpec().getFinalizers()).containsExactly("kubernetes");

        client.configMaps().inNamespace("held").withName("held").edit(cm -> {
            cm.getMetadata().setFinalizers(List.of());
            return cm;
        });
        assertThat(client.namespaces().withName("held").get()).isNull();
    }
}
