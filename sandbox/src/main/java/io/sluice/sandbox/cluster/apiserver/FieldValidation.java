package io.sluice.sandbox.cluster.apiserver;

/**
 * The {@code fieldValidation} query parameter: what the server does with fields the type does not declare and with
 * keys repeated in one object. Either way such fields are dropped (built-in kinds) or pruned (custom resources).
 */
enum FieldValidation {
    /** Refuse the request: 400 naming every such field. kubectl's default (it sends {@code Strict}). */
    STRICT,
    /** Accept, with a Warning header per field. The server's default when the parameter is absent. */
    WARN,
    /** Accept silently. */
    IGNORE;

    static FieldValidation of(String parameter) {
        return switch (parameter == null ? "" : parameter) {
            case "Strict" -> STRICT;
            case "Ignore" -> IGNORE;
            default -> WARN;
        };
    }
}
