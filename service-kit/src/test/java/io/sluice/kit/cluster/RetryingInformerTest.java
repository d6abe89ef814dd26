package io.sluice.kit.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetryingInformerTest {

    @Test
    void seesObjectsInEveryNamespace() {
        try (SandboxCluster cluster = SandboxCluster.start()) {
            KubernetesClient client = cluster.client();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build()).create();
            client.configMaps().inNamespace("team-a").resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
                    .endMetadata().addToData("k", "v").build()).create();

            SharedIndexInformer<ConfigMap> informer = RetryingInformer.inAllNamespaces(client, ConfigMap.class, "ConfigMap");
            try {
                informer.start().toCompletableFuture().join();
                assertThat(informer.getStore().getByKey("team-a/settings")).isNotNull();
            } finally {
                informer.stop();
            }
        }
    }

    @Test
    void keepsRetryingWhileTheApiDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new io.fabric8.kubernetes.client.ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + closedPort).withRequestTimeout(500).withConnectionTimeout(500).build()).build()) {
            SharedIndexInformer<ConfigMap> informer = RetryingInformer.inAllNamespaces(client, ConfigMap.class, "ConfigMap");
            try {
                CompletableFuture<Void> started = informer.start().toCompletableFuture();
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> !started.isCompletedExceptionally());
                assertThat(started).as("a failing API does not end the informer").isNotCompletedExceptionally();
            } finally {
                informer.stop();
            }
        }
    }
}
