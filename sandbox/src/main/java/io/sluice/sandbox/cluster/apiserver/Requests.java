package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * What a write request carries besides its path: the body, its content type, the field manager, and the
 * name and namespace of the object in it, which must be the URL's.
 */
final class Requests {

    static final String APPLY_PATCH = "application/apply-patch+yaml";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";

    private Requests() {
    }

    /** The request body's bytes (empty when there is none). */
    static byte[] body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return new byte[0];
        }
        return request.getBody().getBytes();
    }

    private static final java.util.List<String> OBJECT_MEDIA_TYPES = java.util.List.of("application/json",
            "application/yaml");

    /**
     * The object a POST or PUT carries, decoded as the real server decodes it: the media type must be JSON or YAML
     * (415 otherwise), the body must parse (400 {@code the object provided is unrecognized (must be of type X):
     * ...}), and its apiVersion and kind, when given, must be those of the type at the path (400 {@code Secret in
     * version "v1" cannot be handled as a ConfigMap: ...}). The answer keeps the keys the body repeats, for
     * {@link ObjectAdmission#decode}.
     */
    static BodyReader.Body object(RecordedRequest request, ResourcePath path, ApiResource type) {
        String header = request.getHeader("Content-Type");
        String media = header == null ? "application/json" : contentType(request);
        if (!OBJECT_MEDIA_TYPES.contains(media)) {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                    + "accepted media types include: application/json, application/yaml, "
                    + "application/vnd.kubernetes.protobuf", null, java.util.List.of());
        }
        byte[] body = body(request);
        BodyReader.Body read;
        try {
            read = BodyReader.read(body);
        } catch (java.io.IOException e) {
            throw unrecognized(type, body, body.length > 0 && Json.firstNonBlank(body) >= 0
                    && (e.getMessage() == null || !e.getMessage().contains("end-of-input")));
        }
        if (!(read.tree() instanceof ObjectNode object)) {
            throw unrecognized(type, body, Json.firstNonBlank(body) >= 0);
        }
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (!type.custom() && !kind.isEmpty()) {
            String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
            if (!kind.equals(type.kind())) {
                throw ApiException.badRequest(kind + " in version \"" + version + "\" cannot be handled as a "
                        + type.kind() + ": converting (" + version + "." + kind + ") to (" + internalGroup(type) + "."
                        + type.kind() + "): unknown conversion");
            }
            if (!apiVersion.isEmpty() && !apiVersion.equals(path.groupVersion())) {
                throw ApiException.badRequest(kind + " in version \"" + type.version() + "\" cannot be handled as a "
                        + type.kind() + ": no kind \"" + kind + "\" is registered for version \"" + apiVersion
                        + "\" in scheme \"pkg/runtime/scheme.go:100\"");
            }
        }
        return read;
    }

    /** The Go package name of a built-in group's internal types, as conversion errors name it ({@code core}, {@code apps}). */
    private static String internalGroup(ApiResource type) {
        return type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
    }

    /** 400 for a body that is not an object, with the first 30 bytes of it as the real server quotes them. */
    private static ApiException unrecognized(ApiResource type, byte[] body, boolean unreadable) {
        String why = unreadable ? "invalid character looking for beginning of value" : "unexpected end of JSON input";
        return ApiException.badRequest("the object provided is unrecognized (must be of type " + type.kind()
                + "): couldn't get version/kind; json parse error: " + why + " (" + summary(body) + ")");
    }

    private static String summary(byte[] body) {
        if (body.length == 0) {
            return "<empty>";
        }
        int shown = Math.min(body.length, 30);
        String more = body.length > 30 ? " ..." : "";
        if (body[0] == '{') {
            return new String(body, 0, shown, java.nio.charset.StandardCharsets.UTF_8) + more;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            hex.append(String.format("%02x", body[i]));
        }
        return hex + more;
    }

    /** The media type of the body, lower case without parameters; a PATCH without one is a JSON patch. */
    static String contentType(RecordedRequest request) {
        String header = request.getHeader("Content-Type");
        if (header == null) {
            return JSON_PATCH;
        }
        return header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The field manager of an update: the {@code fieldManager} parameter, or as a real server derives it, the
     * User-Agent up to its first "/" (e.g. {@code kubectl}, {@code fabric8-kubernetes-client}).
     */
    static String manager(ResourcePath path, RecordedRequest request) {
        Optional<String> given = path.param("fieldManager");
        if (given.isPresent()) {
            return given.get();
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            return "unknown";
        }
        String prefix = agent.split("/", 2)[0].trim();
        return prefix.length() > 128 ? prefix.substring(0, 128) : prefix;
    }

    /** The object's name must be the URL's (400 otherwise); a body without one gets it. */
    static void checkName(ResourcePath path, ObjectNode object) {
        String name = Json.meta(object, "name");
        if (name != null && !name.isEmpty() && !name.equals(path.name())) {
            throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                    + path.name() + ")");
        }
        Json.metadata(object).put("name", path.name());
    }

    /** The object's namespace must be the URL's (400 otherwise); cluster-scoped paths drop it. */
    static void checkNamespace(ResourcePath path, ObjectNode object) {
        String namespace = Json.meta(object, "namespace");
        if (path.namespace() == null) {
            Json.metadata(object).remove("namespace");
            return;
        }
        if (namespace != null && !namespace.isEmpty() && !namespace.equals(path.namespace())) {
            throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on "
                    + "the request");
        }
        Json.metadata(object).put("namespace", path.namespace());
    }
}
