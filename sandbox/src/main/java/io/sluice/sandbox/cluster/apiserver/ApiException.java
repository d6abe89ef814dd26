package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request the API server refuses, carried to the dispatcher and answered as a {@code Status} object
 * with the code, reason and wording a real API server uses, so clients (fabric8, kubectl) react the same.
 */
final class ApiException extends RuntimeException {

    /** One {@code details.causes} entry, e.g. reason FieldManagerConflict with the conflicting field. */
    record Cause(String reason, String message, String field) {
    }

    private final int code;
    private final String reason;
    private final List<Cause> causes;
    private final ObjectRef object;

    ApiException(int code, String reason, String message, ObjectRef object, List<Cause> causes) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.object = object;
        this.causes = List.copyOf(causes);
    }

    static ApiException notFound(ObjectRef ref) {
        return new ApiException(404, "NotFound", ref.resource() + " \"" + ref.name() + "\" not found", ref, List.of());
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NotFound", message, null, List.of());
    }

    static ApiException alreadyExists(ObjectRef ref) {
        return new ApiException(409, "AlreadyExists", ref.resource() + " \"" + ref.name() + "\" already exists", ref,
                List.of());
    }

    /** A stale {@code resourceVersion} or failed precondition, worded as the real server words it. */
    static ApiException modified(ObjectRef ref, String why) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + ref.resource() + " \""
                + ref.name() + "\": " + why, ref, List.of());
    }

    static ApiException conflict(ObjectRef ref, String message, List<Cause> causes) {
        return new ApiException(409, "Conflict", message, ref, causes);
    }

    static ApiException invalid(ObjectRef ref, String kind, String field, String problem) {
        String name = ref == null ? "" : ref.name();
        return new ApiException(422, "Invalid", kind + " \"" + name + "\" is invalid: " + field + ": " + problem, ref,
                List.of(new Cause("FieldValueInvalid", problem, field)));
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message, null, List.of());
    }

    static ApiException forbidden(ObjectRef ref, String message) {
        return new ApiException(403, "Forbidden", message, ref, List.of());
    }

    static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json (got " + contentType + ")",
                null, List.of());
    }

    static ApiException methodNotAllowed(String method, String path) {
        return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested "
                + "resource: " + method + " " + path, null, List.of());
    }

    static ApiException gone(String message) {
        return new ApiException(410, "Expired", message, null, List.of());
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    List<Cause> causes() {
        return causes;
    }

    /** The {@code Status} object the real API server sends for this failure. */
    ObjectNode toStatus() {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        ObjectNode details = Json.object();
        if (object != null) {
            details.put("name", object.name());
            if (!object.group().isEmpty()) {
                details.put("group", object.group());
            }
            details.put("kind", object.plural());
        }
        if (!causes.isEmpty()) {
            ArrayNode list = details.putArray("causes");
            for (Cause cause : causes) {
                ObjectNode entry = list.addObject().put("reason", cause.reason()).put("message", cause.message());
                if (cause.field() != null) {
                    entry.put("field", cause.field());
                }
            }
        }
        if (!details.isEmpty()) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }
}
