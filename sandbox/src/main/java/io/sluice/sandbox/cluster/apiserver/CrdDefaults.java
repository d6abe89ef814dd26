package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Defaulting of a CustomResourceDefinition, as the API server does before storing one: {@code spec.conversion}
 * {@code strategy: None}, and the names clients need ({@code singular}: the kind in lower case, {@code listKind}:
 * the kind followed by {@code List}).
 */
final class CrdDefaults {

    private CrdDefaults() {
    }

    static void apply(ObjectNode crd) {
        if (!(crd.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        if (!spec.has("conversion")) {
            spec.putObject("conversion").put("strategy", "None");
        }
        if (spec.get("names") instanceof ObjectNode names && names.hasNonNull("kind")) {
            String kind = names.get("kind").asText();
            if (!names.hasNonNull("singular")) {
                names.put("singular", kind.toLowerCase(Locale.ROOT));
            }
            if (!names.hasNonNull("listKind")) {
                names.put("listKind", kind + "List");
            }
        }
    }
}
