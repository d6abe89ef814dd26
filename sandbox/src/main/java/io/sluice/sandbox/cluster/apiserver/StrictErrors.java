package io.sluice.sandbox.cluster.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of unknown and repeated fields under each {@link FieldValidation}: under Strict one 400 naming them
 * all ({@code strict decoding error: unknown field "spec.foo", duplicate field "data.a"}), under Warn one warning
 * each, under Ignore nothing.
 */
final class StrictErrors {

    private StrictErrors() {
    }

    /**
     * @param prefix how the 400 starts, e.g. {@code Deployment in version "v1" cannot be handled as a Deployment: }
     * @param duplicates repeated keys, as {@link BodyReader} words them
     * @param unknown paths of unknown fields
     */
    static void report(String prefix, List<String> duplicates, List<String> unknown, FieldValidation validation,
            Warnings warnings) {
        List<String> problems = new ArrayList<>();
        duplicates.forEach(d -> problems.add(d.startsWith("line ") ? d : "duplicate field " + GoSyntax.quote(d)));
        unknown.forEach(u -> problems.add("unknown field " + GoSyntax.quote(u)));
        if (problems.isEmpty()) {
            return;
        }
        switch (validation) {
            case STRICT -> throw ApiException.badRequest(prefix + "strict decoding error: " + String.join(", ", problems));
            case WARN -> problems.forEach(warnings::add);
            case IGNORE -> {
            }
        }
    }
}
