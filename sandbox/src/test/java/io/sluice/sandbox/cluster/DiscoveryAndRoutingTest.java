package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a v1.28 server serves and where: version, discovery (plain and aggregated), the CRDs' groups, and the answers
 * for paths and methods it does not serve and for bodies it cannot read.
 */
class DiscoveryAndRoutingTest {

    private static SandboxCluster cluster;
    private static RawApi api;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        api = RawApi.admin(cluster);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.path(field).asText()));
        return names;
    }

    @Test
    void theVersionIsV1287AndSaysItIsTheSandbox() {
        JsonNode version = api.get("/version").json();
        assertThat(version.path("gitVersion").asText()).isEqualTo("v1.28.7");
        assertThat(version.path("minor").asText()).isEqualTo("28");
        assertThat(version.path("platform").asText()).contains("sandbox");
    }

    @Test
    void discoveryListsTheV128TypesWithTheirSubresourcesAndHashes() {
        JsonNode core = api.get("/api/v1").json();
        assertThat(core.has("apiVersion")).as("as a real server sends the core list").isFalse();
        assertThat(names(core.path("resources"), "name")).contains("configmaps", "namespaces/finalize", "pods/exec",
                "serviceaccounts/token", "services/status");
        JsonNode configMaps = core.path("resources").get(names(core.path("resources"), "name").indexOf("configmaps"));
        assertThat(configMaps.path("storageVersionHash").asText()).isEqualTo("qFsyl6wFWjQ=");
        assertThat(names(api.get("/apis").json().path("groups"), "name")).startsWith("apiregistration.k8s.io", "apps",
                "events.k8s.io").contains("source.toolkit.fluxcd.io");
        assertThat(api.get("/apis/autoscaling").json().path("preferredVersion").path("version").asText()).isEqualTo("v2");
    }

    @Test
    void aggregatedDiscoveryIsServedInTheVersionV128Knows() {
        RawApi.Answer answer = api.get("/apis", "Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");
        assertThat(answer.contentType()).isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
        JsonNode apps = null;
        for (JsonNode item : answer.json().path("items")) {
            apps = item.path("metadata").path("name").asText().equals("apps") ? item : apps;
        }
        JsonNode deployments = apps.path("versions").get(0).path("resources").get(2);
        assertThat(deployments.path("resource").asText()).isEqualTo("deployments");
        assertThat(names(deployments.path("subresources"), "subresource")).containsExactly("scale", "status");
        assertThat(api.get("/apis", "Accept", "application/json").json().path("kind").asText()).isEqualTo("APIGroupList");
    }

    @Test
    void pathsAndMethodsNotServedAreAnsweredAsARealServerAnswersThem() {
        RawApi.Answer unknownGroup = api.get("/apis/nope.example.com/v1");
        assertThat(unknownGroup.code()).isEqualTo(404);
        assertThat(unknownGroup.body()).isEqualTo("404 page not found\n");
        RawApi.Answer unknownResource = api.get("/api/v1/namespaces/default/widgets");
        assertThat(unknownResource.code()).isEqualTo(404);
        assertThat(unknownResource.json().path("message").asText()).isEqualTo("the server could not find the requested resource");
        assertThat(api.get("/apis/rbac.authorization.k8s.io/v1/namespaces/default/clusterroles/admin").code())
                .as("a cluster-scoped type under a namespace").isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/namespaces/default/configmaps", "{}", "Content-Type", "application/json").code())
                .isEqualTo(405);
        assertThat(api.send("POST", "/api/v1/configmaps", "{}", "Content-Type", "application/json").code())
                .as("a create across namespaces").isEqualTo(405);
    }

    @Test
    void bodiesTheServerCannotReadAreRefusedInItsWords() {
        RawApi.Answer plainText = api.send("POST", "/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"t\"}}", "Content-Type", "text/plain");
        assertThat(plainText.code()).isEqualTo(415);
        RawApi.Answer wrongKind = api.send("POST", "/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}", "Content-Type", "application/json");
        assertThat(wrongKind.code()).isEqualTo(400);
        assertThat(wrongKind.json().path("message").asText()).isEqualTo("Secret in version \"v1\" cannot be handled as a "
                + "ConfigMap: converting (v1.Secret) to (core.ConfigMap): unknown conversion");
        RawApi.Answer truncated = api.send("POST", "/api/v1/namespaces/default/configmaps", "{\"apiVersion\": \"v1\", ",
                "Content-Type", "application/json");
        assertThat(truncated.json().path("message").asText()).isEqualTo("the object provided is unrecognized (must be of "
                + "type ConfigMap): couldn't get version/kind; json parse error: unexpected end of JSON input "
                + "({\"apiVersion\": \"v1\", )");
    }
}
