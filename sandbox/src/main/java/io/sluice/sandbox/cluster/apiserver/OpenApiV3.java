package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal OpenAPI v3 index: for every group version, one document listing each type's PATCH operation with
 * its {@code fieldValidation} parameter and group-version-kind, and no schemas. That is exactly what kubectl
 * checks to decide the server validates fields itself, so {@code kubectl apply}/{@code create} work without
 * {@code --validate=false}. (The sandbox then validates nothing: see docs/sandbox.md.) Without schemas,
 * kubectl's client-side apply falls back to its built-in types for strategic merge patches, as with any
 * server lacking them.
 */
final class OpenApiV3 {

    private static final String PREFIX = "/openapi/v3/";

    private OpenApiV3() {
    }

    /** {@code GET /openapi/v3}: where each group version's document is. */
    static ObjectNode index(Discovery discovery) {
        ObjectNode root = Json.object();
        ObjectNode paths = root.putObject("paths");
        for (String other : new String[] {"api", "apis", "version"}) {
            paths.putObject(other).put("serverRelativeURL", PREFIX + other + "?hash=sandbox");
        }
        for (String groupVersion : groupVersions(discovery)) {
            String key = apiPath(groupVersion).substring(1);
            paths.putObject(key).put("serverRelativeURL", PREFIX + key + "?hash=sandbox");
        }
        return root;
    }

    /** {@code GET /openapi/v3/api/v1} or {@code /openapi/v3/apis/<group>/<version>}; empty for unknown ones. */
    static Optional<ObjectNode> document(Discovery discovery, String path) {
        String wanted = path.substring(PREFIX.length() - 1);
        if (wanted.equals("/api") || wanted.equals("/apis") || wanted.equals("/version")) {
            ObjectNode doc = Json.object().put("openapi", "3.0.0");
            doc.putObject("info").put("title", "Kubernetes").put("version", NonResourceEndpoints.GIT_VERSION);
            doc.putObject("paths");
            doc.putObject("components").putObject("schemas");
            return Optional.of(doc);
        }
        for (String groupVersion : groupVersions(discovery)) {
            if (apiPath(groupVersion).equals(wanted)) {
                return Optional.of(groupVersionDocument(discovery, groupVersion));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode groupVersionDocument(Discovery discovery, String groupVersion) {
        ObjectNode doc = Json.object().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", NonResourceEndpoints.GIT_VERSION);
        ObjectNode paths = doc.putObject("paths");
        for (ApiResource resource : discovery.all()) {
            if (!resource.groupVersion().equals(groupVersion)) {
                continue;
            }
            String base = apiPath(groupVersion) + (resource.namespaced() ? "/namespaces/{namespace}/" : "/")
                    + resource.plural() + "/{name}";
            ObjectNode patch = paths.putObject(base).putObject("patch");
            patch.put("operationId", "patch" + resource.kind());
            ArrayNode parameters = patch.putArray("parameters");
            for (String name : new String[] {"dryRun", "fieldManager", "fieldValidation", "force"}) {
                parameters.addObject().put("name", name).put("in", "query").putObject("schema").put("type", "string");
            }
            patch.putObject("responses").putObject("200").put("description", "OK");
            patch.put("x-kubernetes-action", "patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", resource.group())
                    .put("version", resource.version()).put("kind", resource.kind());
        }
        doc.putObject("components").putObject("schemas");
        return doc;
    }

    private static Set<String> groupVersions(Discovery discovery) {
        Set<String> result = new LinkedHashSet<>();
        discovery.all().forEach(r -> result.add(r.groupVersion()));
        return result;
    }

    private static String apiPath(String groupVersion) {
        return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
    }
}
