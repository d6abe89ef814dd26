package io.sluice.sandbox.cluster.apiserver;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The type of a value in a built-in object, as the real server's Go types declare it: what decoding checks
 * (unknown fields, wrong types), what the round trip through the Go type keeps ({@link GoRoundTrip}) and how
 * messages name the types. Built from fabric8's model, which is generated from the same API definitions
 * ({@link BuiltInTypes}).
 */
sealed interface ValueType {

    /** A Go struct: known fields only. Its fields are resolved on first use (types may refer to themselves). */
    final class Struct implements ValueType {
        private final String goName;
        private final Supplier<Map<String, ValueType>> resolver;
        private volatile Map<String, ValueType> fields;

        Struct(String goName, Supplier<Map<String, ValueType>> resolver) {
            this.goName = goName;
            this.resolver = resolver;
        }

        /** The Go type's name, e.g. {@code Container}; messages say {@code v1.Container}. */
        String goName() {
            return goName;
        }

        Map<String, ValueType> fields() {
            Map<String, ValueType> resolved = fields;
            if (resolved == null) {
                resolved = resolver.get();
                fields = resolved;
            }
            return resolved;
        }
    }

    /** {@code map[string]V}, e.g. labels or a ConfigMap's data. */
    record MapOf(ValueType values) implements ValueType {
    }

    /** {@code []V}. */
    record ListOf(ValueType items) implements ValueType {
    }

    /** A scalar of a Go type. */
    record Scalar(Kind kind) implements ValueType {
    }

    /** Anything (raw extensions, JSON fields, types the sandbox does not model). */
    record Any() implements ValueType {
    }

    enum Kind {
        STRING("string"),
        /** {@code []byte}: base64 in JSON (a Secret's data). */
        BYTES("[]uint8"),
        INT32("int32"),
        INT64("int64"),
        FLOAT("float64"),
        BOOL("bool"),
        INT_OR_STRING("intstr.IntOrString"),
        QUANTITY("resource.Quantity");

        private final String goName;

        Kind(String goName) {
            this.goName = goName;
        }

        String goName() {
            return goName;
        }
    }

    ValueType ANY = new Any();

    /** The type as Go writes it in errors: {@code string}, {@code map[string]string}, {@code []v1.Container}. */
    static String goName(ValueType type) {
        if (type instanceof Struct struct) {
            return "v1." + struct.goName();
        }
        if (type instanceof MapOf map) {
            return "map[string]" + goName(map.values());
        }
        if (type instanceof ListOf list) {
            return "[]" + goName(list.items());
        }
        return type instanceof Scalar scalar ? scalar.kind().goName() : "interface {}";
    }
}
