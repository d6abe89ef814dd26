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

    /**
     * The {@code details} of a Status; null fields are left out. The real server names the object by its resource
     * (plural) for most errors and by its kind for validation errors ({@code Invalid}); conflicts of server-side
     * apply carry only causes.
     */
    record Details(String name, String group, String kind, List<Cause> causes) {

        /** Sent as {@code "details": {}}, as the real server does for some errors (415 on a patch, JSON patch failures). */
        static final Details EMPTY = new Details(null, null, null, List.of());

        Details {
            causes = List.copyOf(causes);
        }

        static Details of(ObjectRef object, List<Cause> causes) {
            if (object == null) {
                return causes.isEmpty() ? null : new Details(null, null, null, causes);
            }
            return new Details(object.name(), object.group().isEmpty() ? null : object.group(), object.plural(), causes);
        }
    }

    private final int code;
    private final String reason;
    private final Details details;
    /** {@code details.retryAfterSeconds}, when the client should try again after a while (0: none). */
    private int retryAfterSeconds;
    private boolean plainText;

    /** {@code reason} null: the Status carries none (the real server's 500 answers); {@code details} null: none. */
    ApiException(int code, String reason, String message, Details details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
    }

    ApiException(int code, String reason, String message, ObjectRef object, List<Cause> causes) {
        this(code, reason, message, Details.of(object, causes));
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

    /** A conflict of server-side apply: the real server names no object, only the conflicting fields. */
    static ApiException conflict(String message, List<Cause> causes) {
        return new ApiException(409, "Conflict", message, new Details(null, null, null, causes));
    }

    /**
     * 422 Invalid as the real server words it: {@code <Kind>[.<group>] "<name>" is invalid: <field errors>}, with
     * details naming the kind (not the resource) and one cause per field error.
     *
     * @param kind the kind, or for some errors of custom resources the resource (plural)
     */
    static ApiException invalid(String group, String kind, String name, List<Cause> causes, String errors) {
        String qualified = group.isEmpty() ? kind : kind + "." + group;
        return new ApiException(422, "Invalid", qualified + " " + GoSyntax.quote(name) + " is invalid: " + errors,
                new Details(name.isEmpty() ? null : name, group.isEmpty() ? null : group, kind, causes));
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

    /** 405, worded as the real server words it (with empty details). */
    static ApiException methodNotAllowed() {
        return new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested "
                + "resource", Details.EMPTY);
    }

    static ApiException gone(String message) {
        return new ApiException(410, "Expired", message, null, List.of());
    }

    /**
     * 422 for a request option the server does not accept ({@code ListOptions}, {@code DeleteOptions}, ...):
     * {@code DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: ...}.
     */
    static ApiException invalidOptions(String optionsKind, Cause cause) {
        return new ApiException(422, "Invalid", optionsKind + ".meta.k8s.io \"\" is invalid: " + cause.field() + ": "
                + cause.message(), new Details(null, "meta.k8s.io", optionsKind, List.of(cause)));
    }

    /**
     * The plain-text 404 ({@code 404 page not found}) a real server answers for a path outside every API it serves
     * (an unknown group or version), which its API handlers never see.
     */
    static ApiException pageNotFound() {
        ApiException notFound = new ApiException(404, null, "404 page not found", null);
        notFound.plainText = true;
        return notFound;
    }

    /** Whether this refusal is the plain-text {@link #pageNotFound()}. */
    boolean plainText() {
        return plainText;
    }

    /** 404 for a path the server does not serve, worded as the real server words it (with empty details). */
    static ApiException pathNotFound() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource", Details.EMPTY);
    }

    /** The same refusal, telling the client to retry after {@code seconds} ({@code details.retryAfterSeconds}). */
    ApiException withRetryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    List<Cause> causes() {
        return details == null ? List.of() : details.causes();
    }

    /** The {@code Status} object the real API server sends for this failure. */
    ObjectNode toStatus() {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage());
        if (reason != null) {
            status.put("reason", reason);
        }
        if (details != null) {
            status.set("details", detailsJson());
        }
        status.put("code", code);
        return status;
    }

    private ObjectNode detailsJson() {
        ObjectNode json = Json.object();
        if (details.name() != null) {
            json.put("name", details.name());
        }
        if (details.group() != null) {
            json.put("group", details.group());
        }
        if (details.kind() != null) {
            json.put("kind", details.kind());
        }
        if (!details.causes().isEmpty()) {
            ArrayNode list = json.putArray("causes");
            for (Cause cause : details.causes()) {
                ObjectNode entry = list.addObject().put("reason", cause.reason()).put("message", cause.message());
                if (cause.field() != null) {
                    entry.put("field", cause.field());
                }
            }
        }
        if (retryAfterSeconds > 0) {
            json.put("retryAfterSeconds", retryAfterSeconds);
        }
        return json;
    }
}
