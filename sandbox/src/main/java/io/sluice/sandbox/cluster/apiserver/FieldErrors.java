package io.sluice.sandbox.cluster.apiserver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field errors found in one object, in the order they were found (Kubernetes' {@code field.ErrorList}). A
 * real server refuses the object with one 422 that names them all: {@code Kind "name" is invalid: <one error>} or
 * {@code ... is invalid: [<error>, <error>]}, one {@code details.causes} entry per error.
 */
final class FieldErrors {

    /** The kinds of field error, with the cause reason and the words the message starts with. */
    enum Type {
        REQUIRED("FieldValueRequired", "Required value", false),
        INVALID("FieldValueInvalid", "Invalid value", true),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
        DUPLICATE("FieldValueDuplicate", "Duplicate value", true),
        TOO_LONG("FieldValueTooLong", "Too long", false),
        TOO_MANY("FieldValueTooMany", "Too many", true),
        FORBIDDEN("FieldValueForbidden", "Forbidden", false),
        NOT_FOUND("FieldValueNotFound", "Not found", true);

        private final String reason;
        private final String words;
        private final boolean showsValue;

        Type(String reason, String words, boolean showsValue) {
            this.reason = reason;
            this.words = words;
            this.showsValue = showsValue;
        }
    }

    /**
     * One error. {@code value} is already written as Go writes it ({@link GoSyntax}); null leaves it out.
     * {@code detail} may be empty.
     */
    record FieldError(Type type, String field, String value, String detail) {

        /** The part after the field: {@code Invalid value: "x": must be ...}. */
        String body() {
            String body = type.words;
            if (type.showsValue && value != null) {
                body += ": " + value;
            }
            return detail.isEmpty() ? body : body + ": " + detail;
        }

        @Override
        public String toString() {
            return field + ": " + body();
        }
    }

    private final List<FieldError> errors = new ArrayList<>();

    FieldErrors required(String field, String detail) {
        return add(Type.REQUIRED, field, null, detail);
    }

    FieldErrors invalid(String field, String value, String detail) {
        return add(Type.INVALID, field, value, detail);
    }

    FieldErrors typeInvalid(String field, String value, String detail) {
        return add(Type.TYPE_INVALID, field, value, detail);
    }

    /** {@code Unsupported value: "x": supported values: "a", "b"}. */
    FieldErrors notSupported(String field, String value, List<String> supported) {
        List<String> quoted = new ArrayList<>();
        supported.forEach(s -> quoted.add(GoSyntax.quote(s)));
        return add(Type.NOT_SUPPORTED, field, value, quoted.isEmpty() ? "" : "supported values: " + String.join(", ", quoted));
    }

    FieldErrors duplicate(String field, String value) {
        return add(Type.DUPLICATE, field, value, "");
    }

    FieldErrors tooLong(String field, String detail) {
        return add(Type.TOO_LONG, field, null, detail);
    }

    FieldErrors tooMany(String field, int actual, int max) {
        return add(Type.TOO_MANY, field, String.valueOf(actual), "must have at most " + max + " items");
    }

    FieldErrors forbidden(String field, String detail) {
        return add(Type.FORBIDDEN, field, null, detail);
    }

    FieldErrors notFound(String field, String value) {
        return add(Type.NOT_FOUND, field, value, "");
    }

    FieldErrors add(Type type, String field, String value, String detail) {
        errors.add(new FieldError(type, field, value, detail == null ? "" : detail));
        return this;
    }

    FieldErrors addAll(FieldErrors other) {
        errors.addAll(other.errors);
        return this;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /**
     * @param group the API group ("" for core)
     * @param kind the kind, as the message names it
     * @throws ApiException 422 Invalid when there is any error
     */
    void throwIfAny(String group, String kind, String name) {
        if (!errors.isEmpty()) {
            throw toException(group, kind, name);
        }
    }

    ApiException toException(String group, String kind, String name) {
        List<ApiException.Cause> causes = new ArrayList<>();
        errors.forEach(e -> causes.add(new ApiException.Cause(e.type().reason, e.body(), e.field())));
        // as Go's aggregate error: repeated texts once, one error bare, several in brackets
        Set<String> texts = new LinkedHashSet<>();
        errors.forEach(e -> texts.add(e.toString()));
        String message = texts.size() == 1 ? texts.iterator().next() : "[" + String.join(", ", texts) + "]";
        return ApiException.invalid(group, kind, name, causes, message);
    }
}
