package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.messaging.Topic;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import io.sluice.api.notification.Receiver;
import io.sluice.api.notification.ReceiverSpec;
import io.sluice.api.source.GitRepository;
import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.sandbox.git.LocalGitServerResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/**
 * The chain's first two stages across two processes: a signed GitHub push is POSTed to webhook-gateway (its built
 * fast-jar, started here against the same sandbox broker and Kubernetes API), which publishes GitPushed; this
 * service fetches the new commit and announces the artifact; the downloaded bytes verify against the digest.
 *
 * <p>Needs {@code webhook-gateway/target/quarkus-app/quarkus-run.jar} (built before source-service in the reactor,
 * or {@code ./mvnw -pl webhook-gateway package -DskipTests}); fails with that message when it is missing (the reactor builds webhook-gateway first).
 */
@QuarkusTest
@TestProfile(ReconcileTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class WebhookToArtifactTest {

    private static final Path GATEWAY_JAR = Path.of("../webhook-gateway/target/quarkus-app/quarkus-run.jar");
    private static final String NS = "default";
    private static final String TOKEN = "webhook-token-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void signedGithubPushBecomesAnArtifactWithTheNewRevision() throws Exception {
        assertTrue(Files.isRegularFile(GATEWAY_JAR),
                "webhook-gateway is not built (" + GATEWAY_JAR.toAbsolutePath().normalize() + " is missing): run ./mvnw -pl webhook-gateway package -DskipTests");
        LocalGitServer git = LocalGitServerResource.server();
        KubernetesClient kube = SandboxClusterResource.cluster().client();
        String name = "hooked";
        git.createBareRepository(name);
        String first = git.commitFiles(name, "main", Map.of("kustomization.yaml", "resources: []\n"), "initial").name();
        GitRepositoryFixtures.createBasicAuthSecret(kube, NS, name + "-auth", ReconcileTestProfile.GIT_USER, ReconcileTestProfile.GIT_PASSWORD);
        GitRepositoryFixtures.create(kube, NS, name, GitRepositoryFixtures.spec(git.url(name).toString(), name + "-auth"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            GitRepository repo = kube.resources(GitRepository.class).inNamespace(NS).withName(name).get();
            return repo.getStatus() != null && Conditions.isTrue(repo.getStatus(), ConditionTypes.READY);
        });

        GitRepositoryFixtures.createSecret(kube, NS, "github-receiver", Map.of("token", TOKEN));
        kube.resources(Receiver.class).inNamespace(NS).resource(receiver("github-receiver", name)).create();

        int port = LoopbackPorts.free();
        Path log = Files.createDirectories(Path.of("target")).resolve("webhook-gateway-" + port + ".log");
        Process gateway = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + EmbeddedKafkaResource.kafka().bootstrapServers(),
                "-Dsluice.topics.prefix=" + ReconcileTestProfile.PREFIX,
                "-Dquarkus.kubernetes-client.api-server-url=" + SandboxClusterResource.cluster().masterUrl(),
                "-Dquarkus.kubernetes-client.trust-certs=true",
                "-Dquarkus.kubernetes-client.namespace=" + NS,
                "-Dsluice.gateway.receivers.resync=1s",
                "-Dquarkus.log.console.json.enabled=false",
                "-jar", GATEWAY_JAR.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String hookPath = awaitWebhookPath(kube);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(gateway.isAlive()).as("webhook-gateway exited; see %s", log.toAbsolutePath()).isTrue();
                return status(URI.create("http://127.0.0.1:" + port + "/q/health/ready")) == 200;
            });

            String second = git.commitFiles(name, "main", Map.of("app.yaml", "kind: ConfigMap\n"), "second").name();
            byte[] body = githubPush(git.url(name).toString(), first, second);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hookPath))
                    .header("Content-Type", "application/json")
                    .header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + hmacSha256(TOKEN, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("gateway answered: %s", answer.body()).isEqualTo(202);

            String key = ObjectKey.of(GitRepository.KIND, NS, name).subject();
            List<ArtifactReady> announced = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                announced.clear();
                announced.addAll(ReconcileKafka.events(Topic.SOURCE_ARTIFACT, key, ArtifactReady.class).stream()
                        .filter(a -> a.revision().equals("main@sha1:" + second)).toList());
                return !announced.isEmpty();
            });
            ArtifactReady ready = announced.get(0);
            HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(ready.url()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(ready.digest().matches(download.body())).as("artifact bytes verify against the announced digest").isTrue();
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private static String awaitWebhookPath(KubernetesClient kube) {
        String[] path = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Receiver receiver = kube.resources(Receiver.class).inNamespace(NS).withName("github-receiver").get();
            path[0] = receiver.getStatus() == null ? null : receiver.getStatus().getWebhookPath();
            return path[0] != null;
        });
        assertThat(path[0]).isEqualTo("/hook/" + sha256Hex(TOKEN + "github-receiver" + NS));
        return path[0];
    }

    private static Receiver receiver(String name, String repository) {
        Receiver receiver = new Receiver();
        receiver.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        ReceiverSpec spec = new ReceiverSpec();
        spec.setType("github");
        spec.setEvents(List.of("ping", "push"));
        CrossNamespaceObjectReference resource = new CrossNamespaceObjectReference();
        resource.setApiVersion(GitRepository.API_VERSION);
        resource.setKind(GitRepository.KIND);
        resource.setName(repository);
        spec.setResources(List.of(resource));
        LocalObjectReference secret = new LocalObjectReference();
        secret.setName(name);
        spec.setSecretRef(secret);
        receiver.setSpec(spec);
        return receiver;
    }

    /** The fields of GitHub's push payload that matter, as GitHub sends them (https://docs.github.com/webhooks). */
    private static byte[] githubPush(String cloneUrl, String before, String after) {
        return ("""
                {
                  "ref": "refs/heads/main",
                  "before": "%s",
                  "after": "%s",
                  "repository": {
                    "name": "hooked",
                    "full_name": "sluice/hooked",
                    "clone_url": "%s",
                    "default_branch": "main"
                  },
                  "pusher": { "name": "sluice", "email": "sluice@example.com" },
                  "sender": { "login": "sluice" }
                }
                """.formatted(before, after, cloneUrl)).getBytes(StandardCharsets.UTF_8);
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String hmacSha256(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
