package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What happens to an object between the request and the store, in the real server's order, for every way of
 * writing it (create, replace, the three patches, server-side apply):
 * <ol>
 *   <li>{@link #decode decoding} the body into the kind's type: wrong types refused, unknown and repeated fields
 *       dropped with warnings (or refused under {@code fieldValidation=Strict}), custom resources pruned by their
 *       CRD's structural schema;</li>
 *   <li>{@link #prepare defaults} and the round trip through the Go type (what the server stores and answers);</li>
 *   <li>on create, the kind's preparation (a Service's cluster IP, a Job's selector), then
 *       {@link #admitCreate validation}; on update {@link #admitUpdate validation} with the immutable fields:
 *       a 422 naming every invalid field.</li>
 * </ol>
 * ApiServer calls these steps; managedFields are recorded between 2 and 3, as on a real server.
 */
final class ObjectAdmission {

    private final ResourceTypes types;
    private final BuiltInTypes builtInTypes = new BuiltInTypes();
    private final BuiltInKinds kinds;

    ObjectAdmission(ObjectStore store, ResourceTypes types) {
        this.types = types;
        this.kinds = new BuiltInKinds(store);
    }

    // ---- 1. decoding ---------------------------------------------------------------------------------

    /** The body of a create or replace (an object, as {@link Requests#object} read it), decoded as the kind's type. */
    ObjectNode decode(ResourcePath path, BodyReader.Body read, Warnings warnings) {
        ObjectNode object = (ObjectNode) read.tree();
        decodeObject(path, object, read.duplicates(), warnings);
        return object;
    }

    /** The result of a merge, strategic merge or JSON patch, decoded as the kind's type. */
    void decodePatched(ResourcePath path, ObjectNode patched, Warnings warnings) {
        decodeObject(path, patched, List.of(), warnings);
    }

    private void decodeObject(ResourcePath path, ObjectNode object, List<String> duplicates, Warnings warnings) {
        FieldValidation validation = FieldValidation.of(path.query().get("fieldValidation"));
        String kind = kindOf(path, object);
        Optional<CrdSchema> crd = types.crdSchema(path.group(), path.version(), kind);
        if (crd.isPresent()) {
            checkCustomResourceType(path, object, kind, warnings);
            CustomResourceDecoding.decode(object, crd.get(), objectMeta(), kind, path.version(), duplicates, validation,
                    warnings);
            return;
        }
        Optional<ValueType.Struct> type = builtInTypes.of(path.groupVersion(), kind);
        if (type.isPresent()) {
            BuiltInDecoding.decode(object, type.get(), kind, path.version(), duplicates, validation, warnings);
        } else {
            StrictErrors.report(kind + " in version " + GoSyntax.quote(path.version()) + " cannot be handled as a "
                    + kind + ": ", duplicates, List.of(), validation, warnings);
        }
    }

    /** A custom resource of another kind is a 422; of another version of the group a 400 (after the warnings). */
    private static void checkCustomResourceType(ResourcePath path, ObjectNode object, String kind, Warnings warnings) {
        String givenKind = object.path("kind").asText("");
        String givenApiVersion = object.path("apiVersion").asText("");
        if (!givenKind.isEmpty() && !givenKind.equals(kind)) {
            new FieldErrors().invalid("kind", GoSyntax.quote(givenKind), "must be " + kind)
                    .throwIfAny(path.group(), givenKind, Json.meta(object, "name") == null ? "" : Json.meta(object, "name"));
        }
        if (!givenApiVersion.isEmpty() && !givenApiVersion.equals(path.groupVersion())) {
            CustomResourceDecoding.topLevelFields(object).forEach(f -> warnings.add("unknown field " + GoSyntax.quote(f)));
            throw ApiException.badRequest("the API version in the data (" + givenApiVersion + ") does not match the "
                    + "expected API version (" + path.groupVersion() + ")");
        }
    }

    /**
     * A server-side apply configuration must fit the kind's schema: a field it does not declare, or a value of the
     * wrong type, is a 500 ("failed to create typed patch object"), whatever {@code fieldValidation} says; keys
     * repeated in the YAML are warned about (or refused under Strict).
     */
    void checkApplyConfiguration(ResourcePath path, ObjectNode config, List<String> duplicates, FieldSchema listTypes,
            Warnings warnings) {
        String apiVersion = config.path("apiVersion").asText("");
        String kind = config.path("kind").asText("");
        String expected = kindOf(path, config);
        if (kind.isEmpty() || !apiVersion.equals(path.groupVersion()) || !kind.equals(expected)) {
            throw ApiException.badRequest("invalid object type: " + groupVersionKind(apiVersion, kind));
        }
        FieldValidation validation = FieldValidation.of(path.query().get("fieldValidation"));
        if (!duplicates.isEmpty() && validation == FieldValidation.STRICT) {
            throw ApiException.badRequest("error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal "
                    + "errors:\n  " + String.join("\n  ", duplicates));
        }
        if (validation == FieldValidation.WARN) {
            duplicates.forEach(warnings::add);
        }
        Optional<CrdSchema> crd = types.crdSchema(path.group(), path.version(), kind);
        List<String> problems = crd.isPresent() ? ApplyConfigurationCheck.against(config, crd.get(), listTypes)
                : builtInTypes.of(apiVersion, kind).map(type -> ApplyConfigurationCheck.against(config, type, listTypes))
                        .orElse(List.of());
        if (!problems.isEmpty()) {
            String namespace = Json.meta(config, "namespace") == null ? "" : Json.meta(config, "namespace");
            String name = Json.meta(config, "name") == null ? "" : Json.meta(config, "name");
            String errors = problems.size() == 1 ? problems.get(0) : "errors:\n  " + String.join("\n  ", problems);
            throw new ApiException(500, null, "failed to create typed patch object (" + namespace + "/" + name + "; "
                    + groupVersionKind(apiVersion, kind) + "): " + errors, null);
        }
    }

    // ---- 2. defaults ---------------------------------------------------------------------------------

    /** Defaults and the Go round trip: the object as the server will store and answer it. */
    void prepare(ResourcePath path, ObjectNode object) {
        String kind = kindOf(path, object);
        Optional<CrdSchema> crd = types.crdSchema(path.group(), path.version(), kind);
        if (crd.isPresent()) {
            CustomResourceDecoding.defaults(object, crd.get());
            return;
        }
        builtInTypes.of(path.groupVersion(), kind).ifPresent(type -> {
            GoRoundTrip.normalize(object, type);
            kinds.rules(path.group(), kind).defaults(object);
        });
    }

    // ---- 3. validation -------------------------------------------------------------------------------

    /** The kind's create-time preparation, then validation of the new object. */
    void admitCreate(ResourcePath path, ObjectNode object) {
        String kind = kindOf(path, object);
        KindRules rules = rulesFor(path, kind);
        rules.prepareCreate(object);
        FieldErrors errors = new FieldErrors();
        validate(path, kind, rules, object, errors);
        errors.throwIfAny(path.group(), kind, Json.meta(object, "name"));
    }

    /** Validation of an update, with the kind's immutable fields. */
    void admitUpdate(ResourcePath path, ObjectNode live, ObjectNode desired) {
        String kind = kindOf(path, desired);
        KindRules rules = rulesFor(path, kind);
        rules.prepareUpdate(live, desired);
        FieldErrors errors = new FieldErrors();
        validate(path, kind, rules, desired, errors);
        rules.validateUpdate(live, desired, errors);
        errors.throwIfAny(path.group(), kind, Json.meta(desired, "name"));
    }

    private void validate(ResourcePath path, String kind, KindRules rules, ObjectNode object, FieldErrors errors) {
        Optional<CrdSchema> crd = types.crdSchema(path.group(), path.version(), kind);
        ObjectMetaValidation.validate(object, ObjectMetaValidation.nameRule(path.group(), kind), crd.isEmpty(), errors);
        if (crd.isPresent()) {
            CrdValidation.validate(object, crd.get(), errors);
        } else {
            rules.validate(object, errors);
        }
    }

    private KindRules rulesFor(ResourcePath path, String kind) {
        return types.crdSchema(path.group(), path.version(), kind).isPresent() ? KindRules.NONE
                : kinds.rules(path.group(), kind);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Whether a CRD defines the kind the path serves. */
    boolean isCustomResource(ResourcePath path, JsonNode object) {
        return types.crdSchema(path.group(), path.version(), kindOf(path, object)).isPresent();
    }

    /**
     * The kind's empty object, as its Go zero value writes it ({@code status: {}}, a template's
     * {@code creationTimestamp: null}, ...): what a create is compared with to tell which fields it set.
     */
    ObjectNode emptyObject(ResourcePath path, JsonNode object) {
        String kind = kindOf(path, object);
        ObjectNode empty = Json.object().put("apiVersion", path.groupVersion()).put("kind", kind);
        if (!isCustomResource(path, object)) {
            builtInTypes.of(path.groupVersion(), kind).ifPresent(type -> {
                empty.putObject("metadata");
                GoRoundTrip.normalize(empty, type);
            });
        }
        return empty;
    }

    /** A server-side apply body (YAML or JSON), with the keys its objects repeat. */
    BodyReader.Body readApplyConfiguration(byte[] body) {
        BodyReader.Body read;
        try {
            read = BodyReader.read(body);
        } catch (IOException e) {
            throw ApiException.badRequest("error decoding YAML: error converting YAML to JSON: " + GoYamlErrors.describe(e));
        }
        if (!(read.tree() instanceof ObjectNode)) {
            Json.parseObject(body, "The apply configuration"); // refuses it with the usual message
        }
        return read;
    }

    /** The kind the path serves (the body may leave it out); the body's when the type is unknown. */
    private String kindOf(ResourcePath path, JsonNode object) {
        return types.find(path.group(), path.version(), path.plural()).map(ApiResource::kind)
                .orElse(object == null ? "" : object.path("kind").asText(""));
    }

    private ValueType.Struct objectMeta() {
        return (ValueType.Struct) builtInTypes.of("v1", "ConfigMap").orElseThrow().fields().get("metadata");
    }

    /** As Go prints a GroupVersionKind: {@code apps/v1, Kind=Deployment}, {@code /v1, Kind=ConfigMap}. */
    private static String groupVersionKind(String apiVersion, String kind) {
        return (apiVersion.contains("/") ? apiVersion : "/" + apiVersion) + ", Kind=" + kind;
    }
}
