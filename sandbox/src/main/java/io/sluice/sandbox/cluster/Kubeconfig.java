package io.sluice.sandbox.cluster;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The kubeconfig text that points kubectl and other clients at the sandbox API server.
 * The mock serves plain HTTP and checks no credentials, so the user entry is empty.
 */
final class Kubeconfig {

    private Kubeconfig() {
    }

    static String yaml(String name, String masterUrl, String namespace) {
        io.fabric8.kubernetes.api.model.Config config = new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster()
                    .withName(name)
                    .withNewCluster().withServer(masterUrl).endCluster()
                .endCluster()
                .addNewUser()
                    .withName(name)
                    .withNewUser().endUser()
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
