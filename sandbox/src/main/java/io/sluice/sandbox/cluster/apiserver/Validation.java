package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The little validation the sandbox does, chosen because GitOps tools meet it on real clusters: object
 * names (RFC 1123) and the immutable fields whose change makes a real server answer 422, which is what
 * Flux's {@code spec.force} (delete and recreate) exists for. Nothing else is validated; there are no schemas.
 */
final class Validation {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    /** Kinds whose names must be DNS labels (no dots, at most 63 characters). */
    private static final List<String> LABEL_NAMED = List.of("Namespace", "Service");
    private static final List<String> WORKLOADS = List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private Validation() {
    }

    /** @throws ApiException 422 with the real server's wording when the name is not a valid object name */
    static void name(ObjectRef ref, String kind) {
        String name = ref.name();
        if (LABEL_NAMED.contains(kind)) {
            if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
                throw new FieldErrors().invalid("metadata.name", GoSyntax.quote(name), "a lowercase "
                        + "RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
                        + "end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation "
                        + "is '" + LABEL + "')").toException(ref.group(), kind, name);
            }
            return;
        }
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new FieldErrors().invalid("metadata.name", GoSyntax.quote(name), "a lowercase "
                    + "RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
                    + "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
                    + DNS_SUBDOMAIN.pattern() + "')").toException(ref.group(), kind, name);
        }
    }

    /** @throws ApiException 422 when an update changes a field the real server keeps immutable */
    static void immutableFields(ObjectRef ref, String kind, ObjectNode live, ObjectNode desired) {
        if (ref.group().equals("apps") && WORKLOADS.contains(kind)) {
            unchanged(ref, kind, live, desired, "spec", "selector");
        }
        if (ref.group().equals("batch") && kind.equals("Job")) {
            unchanged(ref, kind, live, desired, "spec", "selector");
            unchanged(ref, kind, live, desired, "spec", "template");
        }
        if (ref.group().isEmpty() && (kind.equals("ConfigMap") || kind.equals("Secret"))
                && live.path("immutable").asBoolean(false)) {
            for (String field : List.of("data", "binaryData", "immutable")) {
                if (!Json.same(live.get(field), desired.get(field))) {
                    throw new FieldErrors().forbidden(field, "field is immutable when `immutable` is set")
                            .toException(ref.group(), kind, ref.name());
                }
            }
        }
        if (ref.group().isEmpty() && kind.equals("Service") && !live.path("spec").path("clusterIP").asText("").isEmpty()) {
            unchanged(ref, kind, live, desired, "spec", "clusterIP");
        }
        if (ref.group().isEmpty() && kind.equals("PersistentVolumeClaim")) {
            ObjectNode before = specWithoutResources(live);
            ObjectNode after = specWithoutResources(desired);
            if (!Json.same(before, after)) {
                throw new FieldErrors().forbidden("spec", "spec is immutable after creation except "
                        + "resources.requests and volumeAttributesClassName for bound claims")
                        .toException(ref.group(), kind, ref.name());
            }
        }
    }

    private static void unchanged(ObjectRef ref, String kind, JsonNode live, JsonNode desired, String... path) {
        JsonNode before = live;
        JsonNode after = desired;
        for (String field : path) {
            before = before == null ? null : before.get(field);
            after = after == null ? null : after.get(field);
        }
        if (!Json.same(before, after)) {
            String value = path[path.length - 1].equals("selector") ? GoSyntax.labelSelector(after)
                    : after == null ? "null" : GoSyntax.value(after);
            throw new FieldErrors().invalid(String.join(".", path), value, "field is immutable")
                    .toException(ref.group(), kind, ref.name());
        }
    }

    private static ObjectNode specWithoutResources(JsonNode object) {
        ObjectNode spec = object.get("spec") instanceof ObjectNode existing ? existing.deepCopy() : Json.object();
        spec.remove("resources");
        spec.remove("volumeAttributesClassName");
        return spec;
    }
}
