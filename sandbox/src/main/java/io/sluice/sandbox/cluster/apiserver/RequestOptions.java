package io.sluice.sandbox.cluster.apiserver;

import java.util.List;

/**
 * The options a write carries in its query ({@code CreateOptions}, {@code UpdateOptions}, {@code PatchOptions},
 * {@code DeleteOptions} on a real server), checked before anything else: an unsupported {@code dryRun} or
 * {@code fieldValidation} value is a 422 naming the options kind, as the real server answers.
 */
final class RequestOptions {

    /** The largest request body the real server reads (3 MiB). */
    static final int MAX_BODY = 3 * 1024 * 1024;

    private static final List<String> FIELD_VALIDATIONS = List.of("", "Ignore", "Strict", "Warn");

    private RequestOptions() {
    }

    /**
     * @throws ApiException 422 Invalid for an unsupported value
     */
    static void check(String method, ResourcePath path) {
        String kind = switch (method) {
            case "POST" -> "CreateOptions";
            case "PUT" -> "UpdateOptions";
            case "PATCH" -> "PatchOptions";
            case "DELETE" -> "DeleteOptions";
            default -> null;
        };
        if (kind == null) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        String dryRun = path.query().get("dryRun");
        if (dryRun != null && !dryRun.equals("All")) {
            errors.notSupported("dryRun", GoSyntax.stringSlice(List.of(dryRun)), List.of("All"));
        }
        String fieldValidation = path.query().get("fieldValidation");
        if (fieldValidation != null && !method.equals("DELETE") && !FIELD_VALIDATIONS.contains(fieldValidation)) {
            errors.notSupported("fieldValidation", GoSyntax.quote(fieldValidation), FIELD_VALIDATIONS);
        }
        errors.throwIfAny("meta.k8s.io", kind, "");
    }

    /** @throws ApiException 413 for a body over {@link #MAX_BODY}, as the real server answers before reading it */
    static void checkBodySize(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new ApiException(413, "RequestEntityTooLarge", "Request entity too large: limit is " + MAX_BODY,
                    (ApiException.Details) null);
        }
    }
}
