package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types the server knows: the built-ins plus every stored CRD, for discovery, for whether a
 * type has a status subresource, and for the schemas merges need. Rebuilt after a CRD is written.
 * Callers hold the store's monitor.
 */
final class ResourceTypes {

    static final String CRD_GROUP = "apiextensions.k8s.io";
    static final String CRD_PLURAL = "customresourcedefinitions";

    private final ObjectStore store;
    private Discovery discovery;
    private List<ObjectNode> crds;
    /** Compiled schemas of custom resources, by group/version/kind; compiled once per CRD change. */
    private final Map<String, Optional<CrdSchema>> crdSchemas = new java.util.HashMap<>();

    ResourceTypes(ObjectStore store) {
        this.store = store;
    }

    void invalidate() {
        discovery = null;
        crds = null;
        crdSchemas.clear();
    }

    Discovery discovery() {
        if (discovery == null) {
            // a CRD's kind is served once the CRD controllers have established it, as on a real server
            discovery = Discovery.of(crds().stream().filter(CrdStatus::isEstablished).toList());
        }
        return discovery;
    }

    Optional<ApiResource> find(String group, String version, String plural) {
        return discovery().find(group, version, plural);
    }

    /** Whether writes to the main resource keep the stored status (types with a status subresource). */
    boolean hasStatusSubresource(String group, String version, String plural) {
        return find(group, version, plural).map(ApiResource::hasStatus).orElse(false);
    }

    /** The CRD that serves the type at this path, if a CRD does. */
    Optional<ObjectNode> crdFor(ResourcePath path) {
        for (ObjectNode crd : crds()) {
            JsonNode spec = crd.path("spec");
            if (spec.path("group").asText().equals(path.group())
                    && spec.path("names").path("plural").asText().equals(path.plural())) {
                return Optional.of(crd);
            }
        }
        return Optional.empty();
    }

    /** Whether the type at this path is a custom resource (served by a CRD), not a built-in type. */
    boolean isCustom(ResourcePath path) {
        return find(path.group(), path.version(), path.plural()).map(ApiResource::custom).orElse(false);
    }

    /**
     * The type a request path names, checked as a real server routes it: a group version it does not serve is a
     * plain-text 404 ("404 page not found"); an unknown resource, a namespaced path of a cluster-scoped type, a
     * name under a list across namespaces or an unknown subresource is a 404 Status; a method the path does not
     * take (PUT on a collection, POST on a name or across namespaces, a verb the type lacks) is a 405.
     */
    ApiResource route(ResourcePath path, String method) {
        if (!discovery().serves(path.group(), path.version())) {
            throw ApiException.pageNotFound();
        }
        ApiResource type = find(path.group(), path.version(), path.plural()).orElseThrow(ApiException::pathNotFound);
        boolean acrossNamespaces = type.namespaced() && path.namespace() == null;
        if (type.custom() && path.name() != null && !acrossNamespaces && path.subresource() != null
                && !type.hasSubresource(path.subresource())) {
            // a custom resource's handler serves every subresource path and answers one its CRD lacks as a missing object
            throw ApiException.notFound(path.ref(path.name()));
        }
        if (path.namespace() != null && !type.namespaced()
                || acrossNamespaces && path.name() != null
                || path.subresource() != null && !type.hasSubresource(path.subresource())) {
            throw ApiException.pathNotFound();
        }
        boolean collection = path.name() == null;
        String verb = switch (method) {
            case "GET" -> collection ? (WatchRequests.isWatch(path) ? "watch" : "list") : "get";
            case "POST" -> collection && !acrossNamespaces || path.subresource() != null ? "create" : null;
            case "PUT" -> collection ? null : "update";
            case "PATCH" -> collection ? null : "patch";
            case "DELETE" -> collection ? (acrossNamespaces ? null : "deletecollection") : "delete";
            default -> null;
        };
        List<String> verbs = path.subresource() == null ? type.verbs() : type.subresources().stream()
                .filter(s -> s.name().equals(path.subresource())).findFirst().orElseThrow().verbs();
        if (verb == null || !verbs.contains(verb)) {
            throw ApiException.methodNotAllowed();
        }
        return type;
    }

    /** Whether writes at this path keep the stored status (its type has a status subresource). */
    boolean hasStatusSubresource(ResourcePath path) {
        return hasStatusSubresource(path.group(), path.version(), path.plural());
    }

    /** The object's kind, or the kind served at the path when the object names none. */
    String kindOf(JsonNode object, ResourcePath path) {
        String kind = object.path("kind").asText("");
        return kind.isEmpty() ? find(path.group(), path.version(), path.plural()).map(ApiResource::kind)
                .orElse(path.plural()) : kind;
    }

    /** The merge schema for an object written at this path. */
    FieldSchema schemaOf(JsonNode object, ResourcePath path) {
        return schema(path.group(), path.version(), kindOf(object, path));
    }

    /** Fills in a missing {@code apiVersion} and {@code kind} from the path. */
    void fillTypeFields(ObjectNode object, ResourcePath path) {
        if (object.path("apiVersion").asText("").isEmpty()) {
            object.put("apiVersion", path.groupVersion());
        }
        if (object.path("kind").asText("").isEmpty()) {
            find(path.group(), path.version(), path.plural()).ifPresent(t -> object.put("kind", t.kind()));
        }
    }

    /** Whether the object is a CustomResourceDefinition, whose writes change the types served. */
    static boolean isCrd(ObjectRef ref) {
        return ref.sameType(CRD_GROUP, CRD_PLURAL);
    }

    /** The merge schema for objects of this kind: built-in rules, or the CRD's OpenAPI schema for the version. */
    FieldSchema schema(String group, String version, String kind) {
        for (ObjectNode crd : crds()) {
            JsonNode spec = crd.path("spec");
            if (spec.path("group").asText().equals(group) && spec.path("names").path("kind").asText().equals(kind)) {
                for (JsonNode served : spec.path("versions")) {
                    if (served.path("name").asText().equals(version)) {
                        return FieldSchema.custom(kind, served.path("schema").path("openAPIV3Schema"));
                    }
                }
                return FieldSchema.custom(kind, null);
            }
        }
        return FieldSchema.builtIn(kind);
    }

    /**
     * The structural schema of a custom resource's version, compiled once per CRD change; empty for kinds no CRD
     * defines (built-in kinds).
     */
    Optional<CrdSchema> crdSchema(String group, String version, String kind) {
        return crdSchemas.computeIfAbsent(group + "/" + version + "/" + kind, key -> crdVersion(group, version, kind)
                .map(served -> CrdSchema.compile(served.path("schema").path("openAPIV3Schema"))));
    }

    /** The CRD's entry for a version of a custom kind ({@code spec.versions[]}); a missing node when not served. */
    Optional<JsonNode> crdVersion(String group, String version, String kind) {
        for (ObjectNode crd : crds()) {
            JsonNode spec = crd.path("spec");
            if (spec.path("group").asText().equals(group) && spec.path("names").path("kind").asText().equals(kind)) {
                for (JsonNode served : spec.path("versions")) {
                    if (served.path("name").asText().equals(version)) {
                        return Optional.of(served);
                    }
                }
                return Optional.of(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            }
        }
        return Optional.empty();
    }

    private List<ObjectNode> crds() {
        if (crds == null) {
            crds = store.list(CRD_GROUP, CRD_PLURAL, null, o -> true).stream().map(Map.Entry::getValue).toList();
        }
        return crds;
    }
}
