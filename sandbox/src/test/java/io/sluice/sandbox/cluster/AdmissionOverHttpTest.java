package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a write goes through before it is stored, seen from a client: field validation and its Warning headers,
 * the request options and body size checks, CRD schema validation and pruning, validation in dry runs, and the
 * answers to server-side apply of fields no schema declares.
 */
class AdmissionOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpClient http;
    private static SandboxCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        http = HttpClient.newBuilder().sslContext(cluster.sslContext()).build();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.masterUrl() + path))
                .header("Authorization", "Bearer " + cluster.token()).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static final String DEPLOYMENT = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s"},"spec":{"replicas":1,
             "selector":{"matchLabels":{"app":"u"}},"template":{"metadata":{"labels":{"app":"u"}},
             "spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}},"bogusSpecField":true}}""";

    @Test
    void unknownFieldsAreWarnedAboutByDefaultAndRefusedUnderStrict() throws Exception {
        HttpResponse<String> warned = send("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
                DEPLOYMENT.formatted("warned"));
        assertThat(warned.statusCode()).isEqualTo(201);
        assertThat(warned.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"spec.bogusSpecField\\\"\"");
        assertThat(json(warned).path("spec").has("bogusSpecField")).isFalse();

        HttpResponse<String> strict = send("POST", "/apis/apps/v1/namespaces/default/deployments?fieldValidation=Strict",
                "application/json", DEPLOYMENT.formatted("strict"));
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(json(strict).path("message").asText()).isEqualTo("Deployment in version \"v1\" cannot be handled as a "
                + "Deployment: strict decoding error: unknown field \"spec.bogusSpecField\"");

        HttpResponse<String> applied = send("PATCH", "/apis/apps/v1/namespaces/default/deployments/applied?fieldManager=m",
                "application/apply-patch+yaml", DEPLOYMENT.formatted("applied"));
        assertThat(applied.statusCode()).isEqualTo(500);
        assertThat(json(applied).path("message").asText()).isEqualTo("failed to create typed patch object (/applied; "
                + "apps/v1, Kind=Deployment): .spec.bogusSpecField: field not declared in schema");
    }

    @Test
    void unsupportedOptionsAndOversizedBodiesAreRefusedFirst() throws Exception {
        String configMap = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"o\"}}";
        HttpResponse<String> loud = send("POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Loud",
                "application/json", configMap);
        assertThat(loud.statusCode()).isEqualTo(422);
        assertThat(json(loud).path("message").asText()).isEqualTo("CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: "
                + "Unsupported value: \"Loud\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
        HttpResponse<String> dryRun = send("POST", "/api/v1/namespaces/default/configmaps?dryRun=Yes", "application/json",
                configMap);
        assertThat(json(dryRun).path("message").asText()).isEqualTo("CreateOptions.meta.k8s.io \"\" is invalid: dryRun: "
                + "Unsupported value: []string{\"Yes\"}: supported values: \"All\"");
        HttpResponse<String> huge = send("POST", "/api/v1/namespaces/default/configmaps", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"huge\"},\"data\":{\"big\":\""
                        + "x".repeat(3_200_000) + "\"}}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json(huge).path("message").asText()).isEqualTo("Request entity too large: limit is 3145728");
    }

    @Test
    void invalidObjectsFailTheDryRunWithTheRealServersCausesAndNothingIsWritten() {
        ConfigMap bad = new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("bad")
                .withLabels(Map.of("app", "bad value!")).endMetadata().withData(Map.of("bad key!", "v")).build();
        assertThatThrownBy(() -> client.resource(bad).dryRun().create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getDetails().getKind()).isEqualTo("ConfigMap");
                    assertThat(e.getStatus().getDetails().getCauses()).extracting(c -> c.getField())
                            .containsExactly("metadata.labels", "data[bad key!]");
                });
        assertThat(client.configMaps().inNamespace("default").withName("bad").get()).isNull();
    }

    @Test
    void customResourcesAreValidatedAndPrunedByTheirCrdSchema() throws Exception {
        GenericKubernetesResource wrongType = new GenericKubernetesResourceBuilder()
                .withApiVersion("source.toolkit.fluxcd.io/v1").withKind("GitRepository")
                .withNewMetadata().withNamespace("default").withName("invalid").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("interval", 42))).build();
        assertThatThrownBy(() -> client.resource(wrongType).create()).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getStatus().getMessage()).isEqualTo("GitRepository.source.toolkit.fluxcd.io \"invalid\" "
                        + "is invalid: spec.interval: Invalid value: \"integer\": spec.interval in body must be of type "
                        + "string: \"integer\""));

        assertThat(send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", "application/json", """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"gadgets.test.sluice.io"},
                 "spec":{"group":"test.sluice.io","scope":"Namespaced","names":{"plural":"gadgets","kind":"Gadget"},
                  "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
                   "properties":{"spec":{"type":"object","required":["size"],"properties":{
                    "size":{"type":"integer","maximum":10}}}}}}}]}}""").statusCode()).isEqualTo(201);
        HttpResponse<String> tooBig = send("POST", "/apis/test.sluice.io/v1/namespaces/default/gadgets", "application/json",
                "{\"apiVersion\":\"test.sluice.io/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g\"},"
                        + "\"spec\":{\"size\":11}}");
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(json(tooBig).path("message").asText()).isEqualTo("Gadget.test.sluice.io \"g\" is invalid: spec.size: "
                + "Invalid value: 11: spec.size in body should be less than or equal to 10");
        HttpResponse<String> pruned = send("POST", "/apis/test.sluice.io/v1/namespaces/default/gadgets", "application/json",
                "{\"apiVersion\":\"test.sluice.io/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g\"},"
                        + "\"spec\":{\"size\":3,\"bogus\":1}}");
        assertThat(pruned.statusCode()).isEqualTo(201);
        assertThat(pruned.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"spec.bogus\\\"\"");
        assertThat(json(pruned).path("spec").toString()).isEqualTo("{\"size\":3}");
        HttpResponse<String> strategic = send("PATCH", "/apis/test.sluice.io/v1/namespaces/default/gadgets/g",
                "application/strategic-merge-patch+json", "{\"spec\":{\"size\":4}}");
        assertThat(strategic.statusCode()).as("custom resources take no strategic merge patch").isEqualTo(415);
    }
}
