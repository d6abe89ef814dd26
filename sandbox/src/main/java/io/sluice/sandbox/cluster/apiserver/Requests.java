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
            throw ApiException.badRequest("the namespace of the provided object (" + namespace
                    + ") does not match the namespace sent on the request (" + path.namespace() + ")");
        }
        Json.metadata(object).put("namespace", path.namespace());
    }
}
