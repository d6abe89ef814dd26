package io.sluice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.git.LocalGitServerResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quarkus test resources driven the way Quarkus drives them: init, start, use, stop. */
class TestResourcesTest {

    private final List<String> logLines = new ArrayList<>();
    private final Logger sandboxLogger = Logger.getLogger("io.sluice.sandbox");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(String.format(record.getMessage(), record.getParameters() == null ? new Object[0] : record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        sandboxLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        sandboxLogger.removeHandler(capture);
    }

    @Test
    void kafkaResourceBindsBootstrapServersAndSaysItIsASandbox() throws Exception {
        EmbeddedKafkaResource resource = new EmbeddedKafkaResource();
        Map<String, String> config = resource.start();
        try {
            String servers = EmbeddedKafkaResource.kafka().bootstrapServers();
            assertThat(config).containsEntry("kafka.bootstrap.servers", servers)
                    .containsEntry("mp.messaging.connector.smallrye-kafka.bootstrap.servers", servers)
                    .containsEntry("quarkus.kafka.devservices.enabled", "false");
            assertThat(reachable(EmbeddedKafkaResource.kafka().port())).isTrue();
            assertThat(logged()).anyMatch(l -> l.startsWith("SANDBOX Kafka broker") && l.contains(servers));
        } finally {
            resource.stop();
        }
        assertThatThrownBy(EmbeddedKafkaResource::kafka).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@QuarkusTestResource(EmbeddedKafkaResource.class)");
    }

    @Test
    void clusterResourceBindsTheKubernetesClientAndSaysItIsASandbox() {
        SandboxClusterResource resource = new SandboxClusterResource();
        Map<String, String> config = resource.start();
        try {
            String url = SandboxClusterResource.cluster().masterUrl();
            assertThat(config).containsEntry("quarkus.kubernetes-client.api-server-url", url)
                    .containsEntry("quarkus.kubernetes-client.trust-certs", "true")
                    .containsEntry("quarkus.kubernetes-client.namespace", "default")
                    .containsEntry("quarkus.kubernetes-client.devservices.enabled", "false");
            assertThat(SandboxClusterResource.cluster().client().namespaces().withName("flux-system").get()).isNotNull();
            assertThat(logged()).anyMatch(l -> l.startsWith("SANDBOX Kubernetes API") && l.contains(url));
        } finally {
            resource.stop();
        }
        assertThatThrownBy(SandboxClusterResource::cluster).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gitResourceBindsBaseUrlAndCredentialsFromInitArgs(@TempDir java.nio.file.Path work) throws Exception {
        LocalGitServerResource resource = new LocalGitServerResource();
        resource.init(Map.of("user", "sluice", "password", "s3cret"));
        Map<String, String> config = resource.start();
        try {
            var server = LocalGitServerResource.server();
            assertThat(config).containsEntry("sluice.sandbox.git.base-url", server.baseUrl().toString())
                    .containsEntry("sluice.sandbox.git.username", "sluice")
                    .containsEntry("sluice.sandbox.git.password", "s3cret");
            server.createBareRepository("app");
            server.commitFiles("app", "main", Map.of("a.txt", "a"), "initial");
            try (Git clone = Git.cloneRepository().setURI(config.get("sluice.sandbox.git.base-url") + "app.git")
                    .setDirectory(work.toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("sluice", "s3cret")).call()) {
                assertThat(work.resolve("a.txt")).hasContent("a");
            }
            assertThat(logged()).anyMatch(l -> l.startsWith("SANDBOX Git server") && l.contains("user 'sluice'"));
        } finally {
            resource.stop();
        }
        assertThatThrownBy(LocalGitServerResource::server).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gitResourceWithoutArgsHasNoCredentialsAndRejectsHalfOfThem() {
        LocalGitServerResource resource = new LocalGitServerResource();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        try {
            assertThat(config).containsOnlyKeys("sluice.sandbox.git.base-url");
            assertThat(LocalGitServerResource.server().pushAllowed()).isFalse();
        } finally {
            resource.stop();
        }
        assertThatThrownBy(() -> new LocalGitServerResource().init(Map.of("user", "sluice")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both 'user' and 'password'");
    }

    private List<String> logged() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    private static boolean reachable(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        }
    }
}
