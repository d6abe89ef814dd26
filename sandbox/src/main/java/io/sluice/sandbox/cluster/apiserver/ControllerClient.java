package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How the simulated controllers reach the API: with requests, as {@code kube-controller-manager} (the field manager
 * their writes are recorded under), so what they write is decoded, defaulted, validated, recorded in managedFields
 * and sent to watches like any client's. A request the API refuses (a conflict, a namespace being deleted) is
 * empty, and the controller tries again on the next change.
 */
final class ControllerClient {

    static final String MANAGER = "kube-controller-manager";

    private final BiFunction<RecordedRequest, ResourcePath, MockResponse> api;

    ControllerClient(BiFunction<RecordedRequest, ResourcePath, MockResponse> api) {
        this.api = api;
    }

    Optional<ObjectNode> get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    /** The items of a list, optionally by label selector. */
    List<ObjectNode> list(String path, String labelSelector) {
        String query = labelSelector == null ? "" : "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
        List<ObjectNode> items = new ArrayList<>();
        send(HttpMethod.GET, path + query, null).ifPresent(list -> list.path("items").forEach(item -> {
            if (item instanceof ObjectNode object) {
                items.add(object);
            }
        }));
        return items;
    }

    Optional<ObjectNode> create(String collectionPath, ObjectNode object) {
        return send(HttpMethod.POST, collectionPath, object);
    }

    /** A replace that fails on a stale resourceVersion (the object carries the one it was read at). */
    Optional<ObjectNode> update(String path, ObjectNode object) {
        return send(HttpMethod.PUT, path, object);
    }

    Optional<ObjectNode> updateStatus(String path, ObjectNode object) {
        return send(HttpMethod.PUT, path + "/status", object);
    }

    void delete(String path) {
        send(HttpMethod.DELETE, path, null);
    }

    private Optional<ObjectNode> send(HttpMethod method, String path, JsonNode body) {
        String withManager = method == HttpMethod.GET || method == HttpMethod.DELETE ? path
                : path + (path.contains("?") ? "&" : "?") + "fieldManager=" + MANAGER;
        Optional<ResourcePath> resource = ResourcePath.parse(withManager);
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        Headers headers = Headers.builder().add("Content-Type", "application/json").add("User-Agent", MANAGER + "/v1.28.7")
                .build();
        Buffer buffer = body == null ? new Buffer() : new Buffer(Json.writeBytes(body));
        RecordedRequest request = new RecordedRequest(method + " " + withManager + " HTTP/1.1", method, withManager,
                headers, buffer);
        MockResponse response = api.apply(request, resource.get());
        if (response.code() >= 300 || response.getBody() == null || response.getBody().size() == 0) {
            return Optional.empty();
        }
        return Json.parse(response.getBody().getBytes(), "an API answer") instanceof ObjectNode object
                ? Optional.of(object) : Optional.empty();
    }
}
