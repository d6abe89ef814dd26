package io.sluice.gateway.rest;

import io.sluice.sandbox.cluster.SandboxClusterResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sluice.api.messaging.CloudEventHeaders;
import io.sluice.api.notification.Receiver;
import io.sluice.gateway.payload.Fixtures;
import io.sluice.gateway.payload.NexusPayloads;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.sluice.gateway.rest.SandboxFixtures.header;
import static io.sluice.gateway.rest.SandboxFixtures.hmac;
import static io.sluice.gateway.rest.SandboxFixtures.json;
import static io.sluice.gateway.rest.SandboxFixtures.key;
import static io.sluice.gateway.rest.SandboxFixtures.receiver;
import static io.sluice.gateway.rest.SandboxFixtures.records;
import static io.sluice.gateway.rest.SandboxFixtures.serve;
import static io.sluice.gateway.rest.SandboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Registry webhooks and the generic types, end to end against the sandbox cluster and broker. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class RegistryWebhookTest {

    private static final String IMAGE_PUSH = "sluice.image.push";
    private static final String RECONCILE = "sluice.reconcile.requests";

    @Test
    void harborPushWithTheAuthorizationToken() {
        String name = unique("harbor");
        String path = serve(receiver(name, "harbor", null), "harbor-token");

        given().contentType(ContentType.JSON).header("Authorization", "harbor-token")
                .body(Fixtures.payload("harbor-push-artifact.json"))
                .when().post(path)
                .then().statusCode(202);

        JsonNode image = image("hub.harbor.com/test-webhook/debian");
        assertThat(image.path("registry").asText()).isEqualTo("hub.harbor.com");
        assertThat(image.path("repository").asText()).isEqualTo("test-webhook/debian");
        assertThat(image.path("tag").asText()).isEqualTo("latest");
        assertThat(image.path("digest").asText()).isEqualTo("sha256:8a9e9863dbb6e10edb5adfe917c00da84e1700fa76e7ed02476aa6e6fb8ee0d8");
        records(RECONCILE, key("GitRepository/flux-system/" + name + "-repo"), 1);

        given().contentType(ContentType.JSON).header("Authorization", "Bearer harbor-token")
                .body(Fixtures.payload("harbor-push-artifact.json"))
                .when().post(path)
                .then().statusCode(401).body(equalTo("Authorization does not match the Receiver's token\n"));
    }

    @Test
    void dockerHubQuayAndAcrPayloadsMustParse() {
        String dockerhub = serve(receiver(unique("dockerhub"), "dockerhub", null), "t1");
        String quay = serve(receiver(unique("quay"), "quay", null), "t2");
        String acr = serve(receiver(unique("acr"), "acr", null), "t3");

        given().contentType(ContentType.JSON).body(Fixtures.payload("dockerhub-push.json")).when().post(dockerhub).then().statusCode(202);
        given().contentType(ContentType.JSON).body(Fixtures.payload("quay-push.json")).when().post(quay).then().statusCode(202);
        given().contentType(ContentType.JSON).body(Fixtures.payload("acr-push.json")).when().post(acr).then().statusCode(202);

        assertThat(image("docker.io/svendowideit/testhook").path("tag").asText()).isEqualTo("latest");
        assertThat(image("quay.io/mynamespace/repository").path("tag").asText()).isEqualTo("latest");
        JsonNode fromAcr = image("myregistry.azurecr.io/hello-world");
        assertThat(fromAcr.path("tag").asText()).isEqualTo("v1");
        assertThat(fromAcr.path("digest").asText()).isEqualTo("sha256:80f0d5c8786bb9e621a45ece0db56d11cdc624ad20da9fe62e9d25490f331d7d");

        given().contentType(ContentType.JSON).body("{\"push_data\":").when().post(dockerhub).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"updated_tags\":[]}").when().post(quay)
                .then().statusCode(400).body(equalTo("Quay payload has no docker_url\n"));
    }

    @Test
    void nexusSignedPushUsesTheRegistryAnnotation() {
        String name = unique("nexus");
        Receiver receiver = receiver(name, "nexus", null);
        receiver.getMetadata().setAnnotations(Map.of(NexusPayloads.REGISTRY_ANNOTATION, "nexus.example.com:8082"));
        String path = serve(receiver, "nexus-token");
        byte[] body = Fixtures.payload("nexus-component-created.json");

        given().contentType(ContentType.JSON)
                .header("X-Nexus-Webhook-Id", "rm:repository:component")
                .header("X-Nexus-Webhook-Delivery", unique("nexus-delivery"))
                .header("X-Nexus-Webhook-Signature", hmac("HmacSHA1", "nexus-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(202);
        assertThat(image("nexus.example.com:8082/acme/podinfo").path("tag").asText()).isEqualTo("6.5.1");

        given().contentType(ContentType.JSON).header("X-Nexus-Webhook-Signature", hmac("HmacSHA1", "other", body))
                .body(body).when().post(path).then().statusCode(401);
    }

    @Test
    void genericReceiversRequestReconciliationOnly() {
        String plain = unique("generic");
        String hmacName = unique("generic-hmac");
        String genericPath = serve(receiver(plain, "generic", null), "g-token");
        String hmacPath = serve(receiver(hmacName, "generic-hmac", null), "h-token");
        byte[] body = "anything at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        given().body(body).when().post(genericPath).then().statusCode(202);
        given().header("X-Signature", "sha512=" + hmac("HmacSHA512", "h-token", body)).body(body).when().post(hmacPath).then().statusCode(202);
        given().header("X-Signature", "sha512=" + hmac("HmacSHA512", "x-token", body)).body(body).when().post(hmacPath).then().statusCode(401);

        ConsumerRecord<String, byte[]> request = records(RECONCILE, key("GitRepository/flux-system/" + plain + "-repo"), 1).get(0);
        assertThat(header(request, CloudEventHeaders.TYPE)).isEqualTo("io.sluice.reconcile.requested.v1");
        assertThat(json(request).at("/object/name").asText()).isEqualTo(plain + "-repo");
        assertThat(records(RECONCILE, key("GitRepository/flux-system/" + hmacName + "-repo"), 1)).hasSize(1);
    }

    private static JsonNode image(String subject) {
        ConsumerRecord<String, byte[]> record = records(IMAGE_PUSH, key(subject), 1).get(0);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.sluice.image.pushed.v1");
        return json(record);
    }

}
