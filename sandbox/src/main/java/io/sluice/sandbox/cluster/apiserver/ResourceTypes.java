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
