package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
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
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private Discovery discovery;
    private List<ObjectNode> crds;

    ResourceTypes(ObjectStore store) {
        this.store = store;
    }

    void invalidate() {
        discovery = null;
        crds = null;
    }

    Discovery discovery() {
        if (discovery == null) {
            List<CustomResourceDefinition> typed = crds().stream()
                    .map(crd -> serialization.convertValue(crd, CustomResourceDefinition.class)).toList();
            discovery = Discovery.of(typed);
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

    private List<ObjectNode> crds() {
        if (crds == null) {
            crds = store.list(CRD_GROUP, CRD_PLURAL, null, o -> true).stream().map(Map.Entry::getValue).toList();
        }
        return crds;
    }
}
