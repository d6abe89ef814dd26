package io.sluice.sandbox.cluster;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The kubeconfig text that points kubectl and other clients at the sandbox API server: HTTPS with the sandbox's
 * CA as {@code certificate-authority-data}, and the sandbox administrator's bearer token as the user's credentials.
 */
final class Kubeconfig {

    private Kubeconfig() {
    }

    static String yaml(String name, String masterUrl, String namespace, String token, String caPem) {
        io.fabric8.kubernetes.api.model.Config config = new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster()
                    .withName(name)
                    .withNewCluster().withServer(masterUrl).withCertificateAuthorityData(java.util.Base64.getEncoder()
                            .encodeToString(caPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).endCluster()
                .endCluster()
                .addNewUser()
                    .withName(name)
                    .withNewUser().withToken(token).endUser()
                .endUser()
                .addNewContext()
                    .withName(name)
                    .withNewContext().withCluster(name).withUser(name).withNamespace(namespace).endContext()
                .endContext()
                .withCurrentContext(name)
                .build();
        return "# SANDBOX: in-memory Kubernetes API started by Sluice; gone when the sandbox stops.\n"
                + new KubernetesSerialization().asYaml(config);
    }
}
