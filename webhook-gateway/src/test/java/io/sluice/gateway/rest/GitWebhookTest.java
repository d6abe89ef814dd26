package io.sluice.gateway.rest;

import io.sluice.sandbox.cluster.SandboxClusterResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sluice.api.messaging.CloudEventHeaders;
import io.sluice.gateway.payload.Fixtures;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.sluice.gateway.rest.SandboxFixtures.records;
import static io.sluice.gateway.rest.SandboxFixtures.field;
import static io.sluice.gateway.rest.SandboxFixtures.header;
import static io.sluice.gateway.rest.SandboxFixtures.hmac;
import static io.sluice.gateway.rest.SandboxFixtures.json;
import static io.sluice.gateway.rest.SandboxFixtures.key;
import static io.sluice.gateway.rest.SandboxFixtures.receiver;
import static io.sluice.gateway.rest.SandboxFixtures.serve;
import static io.sluice.gateway.rest.SandboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Git host webhooks end to end: a Receiver and its Secret are created in the sandbox cluster, the gateway serves
 * them at the path it writes to status, real payloads are POSTed with real signatures, and the events are read
 * back from the sandbox broker.
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class GitWebhookTest {

    private static final String GIT_PUSH = "sluice.git.push";
    private static final String RECONCILE = "sluice.reconcile.requests";

    @Test
    void signedGithubPushPublishesGitPushedAndAReconcileRequest() {
        String name = unique("github");
        String path = serve(receiver(name, "github", List.of("ping", "push")), "gh-token");
        byte[] body = Fixtures.payload("github-push.json");
        String delivery = unique("delivery");

        given().contentType(ContentType.JSON)
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "gh-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(202).body(containsString("accepted 'push' delivery " + delivery));

        ConsumerRecord<String, byte[]> pushed = records(GIT_PUSH, field("deliveryId", delivery), 1).get(0);
        assertThat(pushed.key()).isEqualTo("https://github.com/codertocat/hello-world");
        assertThat(header(pushed, CloudEventHeaders.TYPE)).isEqualTo("io.sluice.git.pushed.v1");
        assertThat(header(pushed, CloudEventHeaders.SOURCE)).isEqualTo("/sluice/webhook-gateway");
        JsonNode event = json(pushed);
        assertThat(event.path("provider").asText()).isEqualTo("github");
        assertThat(event.at("/repository/http").asText()).isEqualTo("https://github.com/Codertocat/Hello-World.git");
        assertThat(event.at("/repository/ssh").asText()).isEqualTo("git@github.com:Codertocat/Hello-World.git");
        assertThat(event.path("ref").asText()).isEqualTo("refs/heads/main");
        assertThat(event.path("before").asText()).isEqualTo("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
        assertThat(event.path("after").asText()).isEqualTo("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");

        ConsumerRecord<String, byte[]> reconcile = records(RECONCILE, key("GitRepository/flux-system/" + name + "-repo"), 1).get(0);
        assertThat(header(reconcile, CloudEventHeaders.TYPE)).isEqualTo("io.sluice.reconcile.requested.v1");
        assertThat(json(reconcile).path("requestedBy").asText()).isEqualTo("webhook-gateway");
    }

    @Test
    void githubSha1SignatureAndPingAreAccepted() {
        String name = unique("github-sha1");
        String path = serve(receiver(name, "github", List.of()), "sha1-token");
        byte[] ping = Fixtures.payload("github-ping.json");

        given().contentType(ContentType.JSON)
                .header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", unique("ping"))
                .header("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", "sha1-token", ping))
                .body(ping)
                .when().post(path)
                .then().statusCode(200).body(equalTo("pong\n"));
    }

    @Test
    void giteaPushIsPublishedAsGitea() {
        String name = unique("gitea");
        String path = serve(receiver(name, "github", List.of("push")), "gitea-token");
        byte[] body = Fixtures.payload("gitea-push.json");
        String delivery = unique("gitea-delivery");

        given().contentType(ContentType.JSON)
                .header("X-Gitea-Event", "push").header("X-GitHub-Event", "push")
                .header("X-Gitea-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "gitea-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(202);

        ConsumerRecord<String, byte[]> pushed = records(GIT_PUSH, field("deliveryId", delivery), 1).get(0);
        assertThat(pushed.key()).isEqualTo("https://localhost:3000/gitea/webhooks");
        assertThat(json(pushed).path("provider").asText()).isEqualTo("gitea");
        assertThat(json(pushed).path("ref").asText()).isEqualTo("refs/heads/develop");
    }

    @Test
    void gitlabPushHookWithTheTokenHeader() {
        String name = unique("gitlab");
        String path = serve(receiver(name, "gitlab", List.of("Push Hook", "Tag Push Hook")), "gl-token");
        String delivery = unique("gitlab-delivery");

        given().contentType(ContentType.JSON)
                .header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Token", "gl-token")
                .header("X-Gitlab-Event-UUID", delivery)
                .body(Fixtures.payload("gitlab-push.json"))
                .when().post(path)
                .then().statusCode(202);

        ConsumerRecord<String, byte[]> pushed = records(GIT_PUSH, field("deliveryId", delivery), 1).get(0);
        assertThat(pushed.key()).isEqualTo("https://example.com/mike/diaspora");
        JsonNode event = json(pushed);
        assertThat(event.path("provider").asText()).isEqualTo("gitlab");
        assertThat(event.at("/repository/http").asText()).isEqualTo("http://example.com/mike/diaspora.git");
        assertThat(event.at("/repository/ssh").asText()).isEqualTo("git@example.com:mike/diaspora.git");
        assertThat(event.path("after").asText()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        records(RECONCILE, key("GitRepository/flux-system/" + name + "-repo"), 1);

        given().contentType(ContentType.JSON)
                .header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Token", "wrong")
                .body(Fixtures.payload("gitlab-push.json"))
                .when().post(path)
                .then().statusCode(401).body(equalTo("X-Gitlab-Token does not match the Receiver's token\n"));
    }

    @Test
    void bitbucketServerAndCloudPushes() {
        String name = unique("bitbucket");
        String path = serve(receiver(name, "bitbucket", List.of("repo:refs_changed", "repo:push")), "bb-token");
        byte[] server = Fixtures.payload("bitbucket-server-refs-changed.json");
        byte[] cloud = Fixtures.payload("bitbucket-cloud-push.json");
        String serverDelivery = unique("bbs");
        String cloudDelivery = unique("bbc");

        given().contentType("application/json; charset=utf-8")
                .header("X-Event-Key", "repo:refs_changed")
                .header("X-Request-Id", serverDelivery)
                .header("X-Hub-Signature", "sha256=" + hmac("HmacSHA256", "bb-token", server))
                .body(server)
                .when().post(path)
                .then().statusCode(202);
        given().contentType(ContentType.JSON)
                .header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", cloudDelivery)
                .header("X-Hub-Signature", "sha256=" + hmac("HmacSHA256", "bb-token", cloud))
                .body(cloud)
                .when().post(path)
                .then().statusCode(202);

        ConsumerRecord<String, byte[]> serverPush = records(GIT_PUSH, field("deliveryId", serverDelivery), 1).get(0);
        assertThat(serverPush.key()).isEqualTo("https://bitbucket.example.com/scm/proj/repository");
        assertThat(json(serverPush).path("provider").asText()).isEqualTo("bitbucket");
        assertThat(json(serverPush).path("after").asText()).isEqualTo("178864a7d521b6f5e720b386b2c2b0ef8563e0dc");
        ConsumerRecord<String, byte[]> cloudPush = records(GIT_PUSH, field("deliveryId", cloudDelivery), 1).get(0);
        assertThat(cloudPush.key()).isEqualTo("https://bitbucket.org/team_name/repo_name");
        assertThat(json(cloudPush).at("/repository/ssh").asText()).isEqualTo("git@bitbucket.org:team_name/repo_name.git");
    }

    @Test
    void unknownPathIs404() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/hook/" + "0".repeat(64))
                .then().statusCode(404).body(containsString("no Receiver is served at this path"));
    }

    @Test
    void badOrMissingSignatureIs401WithAOneLineReason() {
        String name = unique("github-401");
        String path = serve(receiver(name, "github", List.of()), "right-token");
        byte[] body = Fixtures.payload("github-push.json");

        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "wrong-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(401)
                .body(equalTo("X-Hub-Signature-256 does not match the sha256 HMAC of the body with the Receiver's token\n"));
        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .body(body)
                .when().post(path)
                .then().statusCode(401)
                .body(equalTo("missing signature header X-Hub-Signature-256 or X-Hub-Signature\n"));
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String name = unique("github-413");
        String path = serve(receiver(name, "github", List.of()), "big-token");
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "big-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(413).body(equalTo("request body is larger than 1048576 bytes\n"));

        // Without a Content-Length (chunked), the limit is enforced while reading.
        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "big-token", body))
                .body(new java.io.ByteArrayInputStream(body))
                .when().post(path)
                .then().statusCode(413);
    }

    @Test
    void malformedJsonIs400() {
        String name = unique("github-400");
        String path = serve(receiver(name, "github", List.of()), "json-token");
        byte[] body = "{\"ref\": \"refs/heads/main\",".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "json-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(400).body(containsString("GitHub payload is not valid JSON"));
    }

    @Test
    void eventNotInSpecEventsIsIgnored() {
        String name = unique("github-ignored");
        String path = serve(receiver(name, "github", List.of("push")), "ignore-token");
        byte[] body = Fixtures.payload("github-push.json");

        given().contentType(ContentType.JSON).header("X-GitHub-Event", "release")
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", "ignore-token", body))
                .body(body)
                .when().post(path)
                .then().statusCode(200).body(equalTo("ignored\n"));
    }

    @Test
    void redeliveryIsAcceptedButPublishesNothingAgain() {
        String name = unique("github-redelivery");
        String path = serve(receiver(name, "github", List.of()), "again-token");
        byte[] body = Fixtures.payload("github-push.json");
        String signature = "sha256=" + hmac("HmacSHA256", "again-token", body);
        String first = unique("first");
        String marker = unique("marker");

        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("X-GitHub-Event", "push").header("X-GitHub-Delivery", first)
                    .header("X-Hub-Signature-256", signature).body(body)
                    .when().post(path)
                    .then().statusCode(202);
        }
        // A later delivery lands after any second copy would have (same key, same partition): once it is there,
        // a duplicate would be too.
        given().contentType(ContentType.JSON).header("X-GitHub-Event", "push").header("X-GitHub-Delivery", marker)
                .header("X-Hub-Signature-256", signature).body(body)
                .when().post(path)
                .then().statusCode(202);

        List<ConsumerRecord<String, byte[]>> records = records(GIT_PUSH, field("deliveryId", first).or(field("deliveryId", marker)), 2);
        assertThat(records).extracting(record -> json(record).path("deliveryId").asText()).containsExactly(first, marker);
        assertThat(records(RECONCILE, key("GitRepository/flux-system/" + name + "-repo"), 2)).hasSize(2);
    }

    @Test
    void resultsAreCountedInMetrics() {
        String path = serve(receiver(unique("gitlab-metrics"), "gitlab", List.of("Push Hook")), "m-token");
        double notFound = counter(scrape(), "not_found", "unknown");
        double unauthorized = counter(scrape(), "unauthorized", "gitlab");
        double ignored = counter(scrape(), "ignored", "gitlab");

        given().contentType(ContentType.JSON).body("{}").when().post("/hook/" + "1".repeat(64)).then().statusCode(404);
        given().contentType(ContentType.JSON).header("X-Gitlab-Token", "bad").body("{}").when().post(path).then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Gitlab-Token", "m-token").header("X-Gitlab-Event", "Issue Hook")
                .body("{}").when().post(path).then().statusCode(200);
        double webhookStages = stageCount(scrape());
        given().contentType(ContentType.JSON).header("X-Gitlab-Token", "m-token").header("X-Gitlab-Event", "Push Hook")
                .header("X-Gitlab-Event-UUID", unique("metrics-delivery"))
                .body(Fixtures.payload("gitlab-push.json")).when().post(path).then().statusCode(202);

        String scrape = scrape();
        assertThat(stageCount(scrape)).as("only an accepted push is timed as the webhook stage").isEqualTo(webhookStages + 1);
        assertThat(counter(scrape, "not_found", "unknown")).isEqualTo(notFound + 1);
        assertThat(counter(scrape, "unauthorized", "gitlab")).isEqualTo(unauthorized + 1);
        assertThat(counter(scrape, "ignored", "gitlab")).isEqualTo(ignored + 1);
    }

    private static String scrape() {
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double stageCount(String scrape) {
        return scrape.lines()
                .filter(line -> line.startsWith("sluice_stage_duration_seconds_count{") && line.contains("stage=\"webhook\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static double counter(String scrape, String result, String type) {
        return scrape.lines()
                .filter(line -> line.startsWith("sluice_webhook_requests_total{"))
                .filter(line -> line.contains("result=\"" + result + "\"") && line.contains("type=\"" + type + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

}
