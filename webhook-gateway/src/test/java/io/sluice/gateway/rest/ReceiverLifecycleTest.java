package io.sluice.gateway.rest;

import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.fabric8.kubernetes.api.model.Condition;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sluice.api.notification.Receiver;
import io.sluice.gateway.receiver.WebhookPath;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.sluice.gateway.rest.SandboxFixtures.NAMESPACE;
import static io.sluice.gateway.rest.SandboxFixtures.client;
import static io.sluice.gateway.rest.SandboxFixtures.createGitRepository;
import static io.sluice.gateway.rest.SandboxFixtures.createSecret;
import static io.sluice.gateway.rest.SandboxFixtures.json;
import static io.sluice.gateway.rest.SandboxFixtures.key;
import static io.sluice.gateway.rest.SandboxFixtures.receiver;
import static io.sluice.gateway.rest.SandboxFixtures.records;
import static io.sluice.gateway.rest.SandboxFixtures.reference;
import static io.sluice.gateway.rest.SandboxFixtures.serve;
import static io.sluice.gateway.rest.SandboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Receivers come and go while the gateway runs: status, Secrets, suspension, label selection. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class ReceiverLifecycleTest {

    @Test
    void missingSecretIsReadyFalseThenTheSecretMakesItReady() {
        String name = unique("no-secret");
        client().resources(Receiver.class).inNamespace(NAMESPACE).resource(receiver(name, "generic", null)).create();

        Condition notReady = awaitReady(name, "False");
        assertThat(notReady.getReason()).isEqualTo("TokenNotFound");
        assertThat(notReady.getMessage()).contains("Secret 'flux-system/" + name + "-token' not found");
        assertThat(receiverNow(name).getStatus().getWebhookPath()).isNull();
        assertThat(receiverNow(name).getStatus().getObservedGeneration()).isEqualTo(receiverNow(name).getMetadata().getGeneration());

        createSecret(name, "late-token");
        Condition ready = awaitReady(name, "True");
        String path = WebhookPath.of("late-token", name, NAMESPACE);
        assertThat(ready.getReason()).isEqualTo("Succeeded");
        assertThat(ready.getMessage()).isEqualTo("Receiver initialized for path: " + path);
        assertThat(receiverNow(name).getStatus().getWebhookPath()).isEqualTo(path);
        given().body("{}").when().post(path).then().statusCode(202);
    }

    @Test
    void rotatedTokenMovesThePathWithoutARestart() {
        String name = unique("rotate");
        String oldPath = serve(receiver(name, "generic", null), "old-token");

        client().secrets().inNamespace(NAMESPACE).withName(name + "-token").edit(secret -> {
            secret.setData(Map.of("token", Base64.getEncoder().encodeToString("new-token".getBytes(StandardCharsets.UTF_8))));
            return secret;
        });
        String newPath = WebhookPath.of("new-token", name, NAMESPACE);
        await().atMost(Duration.ofSeconds(30)).until(() -> newPath.equals(SandboxFixtures.path(name)));

        given().body("{}").when().post(newPath).then().statusCode(202);
        given().body("{}").when().post(oldPath).then().statusCode(404);
    }

    @Test
    void suspendedReceiverAnswers503AndDeletedOne404() {
        String name = unique("suspend");
        String path = serve(receiver(name, "generic", null), "s-token");

        client().resources(Receiver.class).inNamespace(NAMESPACE).withName(name).edit(receiver -> {
            receiver.getSpec().setSuspend(true);
            return receiver;
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().body("{}").when().post(path).then().statusCode(503));

        client().resources(Receiver.class).inNamespace(NAMESPACE).withName(name).delete();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().body("{}").when().post(path).then().statusCode(404));
    }

    @Test
    void wildcardWithMatchLabelsReconcilesEveryLabelledObject() {
        String name = unique("labels");
        String app = unique("app");
        createGitRepository(name + "-a", Map.of("app", app));
        createGitRepository(name + "-b", Map.of("app", app));
        createGitRepository(name + "-other", Map.of("app", "someone-else"));
        Receiver receiver = receiver(name, "generic", null);
        receiver.getSpec().setResources(List.of(reference("GitRepository", "*", Map.of("app", app))));
        String path = serve(receiver, "l-token");

        given().contentType(ContentType.JSON).body("{}").when().post(path).then().statusCode(202);

        assertThat(records("sluice.reconcile.requests", key("GitRepository/flux-system/" + name + "-a"), 1)).hasSize(1);
        assertThat(records("sluice.reconcile.requests", key("GitRepository/flux-system/" + name + "-b"), 1)).hasSize(1);
        assertThat(records("sluice.reconcile.requests",
                record -> record.key().startsWith("GitRepository/flux-system/" + name) || json(record).at("/object/name").asText().startsWith(name), 2))
                .extracting(record -> record.key())
                .doesNotContain("GitRepository/flux-system/" + name + "-other");
    }

    @Test
    void wildcardWithoutMatchLabelsIsReadyFalse() {
        String name = unique("bad-wildcard");
        Receiver receiver = receiver(name, "generic", null);
        receiver.getSpec().setResources(List.of(reference("GitRepository", "*", null)));
        createSecret(name, "w-token");
        client().resources(Receiver.class).inNamespace(NAMESPACE).resource(receiver).create();

        Condition condition = awaitReady(name, "False");
        assertThat(condition.getReason()).isEqualTo("ValidationFailed");
        assertThat(condition.getMessage()).contains("spec.resources[0] has name '*' but no matchLabels");
    }

    private static Condition awaitReady(String name, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(name) != null && status.equals(ready(name).getStatus()));
        return ready(name);
    }

    private static Condition ready(String name) {
        Receiver receiver = receiverNow(name);
        if (receiver == null || receiver.getStatus() == null || receiver.getStatus().getConditions() == null) {
            return null;
        }
        return receiver.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
    }

    private static Receiver receiverNow(String name) {
        return client().resources(Receiver.class).inNamespace(NAMESPACE).withName(name).get();
    }
}
