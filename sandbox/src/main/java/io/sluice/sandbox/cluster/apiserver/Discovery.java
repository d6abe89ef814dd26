package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API discovery documents ({@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/<group>},
 * {@code /apis/<group>/<version>}, and the aggregated {@code APIGroupDiscoveryList} kubectl asks for) of the
 * built-in types of a v1.28 server plus every established CRD, shaped as a real server shapes them.
 */
final class Discovery {

    /** The verbs of a custom resource, in the order a real server lists them. */
    static final List<String> CUSTOM_VERBS = List.of("delete", "deletecollection", "get", "list", "patch", "create",
            "update", "watch");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    private final List<ApiResource> resources;
    /** The types by {@code group/version/plural}: every request looks its type up. */
    private final Map<String, ApiResource> byPath = new java.util.HashMap<>();
    /** Group name to its versions, preferred first: the built-in groups in /apis order, then the CRDs' groups by name. */
    private final Map<String, List<String>> groups;

    private Discovery(List<ApiResource> resources, Map<String, List<String>> groups) {
        this.resources = resources;
        this.groups = groups;
        resources.forEach(r -> byPath.putIfAbsent(r.group() + "/" + r.version() + "/" + r.plural(), r));
    }

    /** Built-in resources plus every served version of the given (established) CRDs. */
    static Discovery of(List<ObjectNode> crds) {
        List<ApiResource> all = new ArrayList<>(BuiltInResources.ALL);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        BuiltInResources.GROUPS.forEach(g -> groups.put(g.get(0), g.subList(1, g.size())));
        Map<String, List<String>> customGroups = new TreeMap<>();
        for (ObjectNode crd : crds) {
            JsonNode spec = crd.path("spec");
            String group = spec.path("group").asText();
            JsonNode names = spec.path("names");
            List<String> versions = new ArrayList<>();
            for (JsonNode version : spec.path("versions")) {
                if (!version.path("served").asBoolean(true)) {
                    continue;
                }
                String name = version.path("name").asText();
                versions.add(name);
                String kind = names.path("kind").asText();
                List<ApiResource.Subresource> subresources = new ArrayList<>();
                JsonNode declared = version.path("subresources");
                if (declared.has("scale")) {
                    subresources.add(new ApiResource.Subresource("scale", "autoscaling", "v1", "Scale", STATUS_VERBS));
                }
                if (declared.has("status")) {
                    subresources.add(new ApiResource.Subresource("status", group, name, kind, STATUS_VERBS));
                }
                all.add(new ApiResource(group, name, kind, names.path("plural").asText(),
                        names.path("singular").asText(ApiResource.singularOf(kind)),
                        "Namespaced".equals(spec.path("scope").asText()), CUSTOM_VERBS, texts(names.path("shortNames")),
                        texts(names.path("categories")), List.copyOf(subresources), true, true));
            }
            if (!versions.isEmpty() && !groups.containsKey(group)) {
                versions.sort(KubeVersions.PRIORITY);
                customGroups.merge(group, versions, (a, b) -> {
                    List<String> merged = new ArrayList<>(a);
                    b.stream().filter(v -> !merged.contains(v)).forEach(merged::add);
                    merged.sort(KubeVersions.PRIORITY);
                    return merged;
                });
            }
        }
        groups.putAll(customGroups);
        return new Discovery(List.copyOf(all), groups);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return List.copyOf(texts);
    }

    /** Every served type, built-in and custom. */
    List<ApiResource> all() {
        return resources;
    }

    /** The type served as {@code plural} in {@code group}/{@code version}. */
    Optional<ApiResource> find(String group, String version, String plural) {
        return Optional.ofNullable(byPath.get(group + "/" + version + "/" + plural));
    }

    /** Whether a group version is served at all (else its paths are a plain-text 404). */
    boolean serves(String group, String version) {
        return group.isEmpty() ? version.equals("v1") : groups.getOrDefault(group, List.of()).contains(version);
    }

    /** {@code GET /api}: the core group's versions. */
    ObjectNode coreVersions(String serverAddress) {
        ObjectNode versions = Json.object().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return versions;
    }

    /** {@code GET /apis}: every named group with its versions. */
    ObjectNode groups() {
        ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode items = list.putArray("groups");
        groups.forEach((name, versions) -> items.add(group(name, versions)));
        return list;
    }

    /** {@code GET /apis/<group>}, or empty when no such group is served. */
    Optional<ObjectNode> group(String name) {
        List<String> versions = groups.get(name);
        if (versions == null) {
            return Optional.empty();
        }
        ObjectNode group = Json.object().put("kind", "APIGroup").put("apiVersion", "v1");
        group.setAll(group(name, versions));
        return Optional.of(group);
    }

    private static ObjectNode group(String name, List<String> versions) {
        ObjectNode group = Json.object().put("name", name);
        ArrayNode list = group.putArray("versions");
        versions.forEach(v -> list.addObject().put("groupVersion", name + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version", versions.get(0));
        return group;
    }

    /** {@code GET /api/v1} or {@code GET /apis/<group>/<version>}, or empty when that group version is not served. */
    Optional<ObjectNode> resources(String group, String version) {
        if (!serves(group, version)) {
            return Optional.empty();
        }
        ObjectNode list = Json.object().put("kind", "APIResourceList");
        if (!group.isEmpty()) {
            list.put("apiVersion", "v1");
        }
        list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode items = list.putArray("resources");
        List<ObjectNode> entries = new ArrayList<>();
        for (ApiResource resource : inGroupVersion(group, version)) {
            ObjectNode entry = Json.object().put("name", resource.plural()).put("singularName", resource.singular())
                    .put("namespaced", resource.namespaced()).put("kind", resource.kind());
            strings(entry, "verbs", resource.verbs());
            if (!resource.shortNames().isEmpty()) {
                strings(entry, "shortNames", resource.shortNames());
            }
            if (!resource.categories().isEmpty()) {
                strings(entry, "categories", resource.categories());
            }
            if (resource.stored()) {
                entry.put("storageVersionHash", resource.storageVersionHash());
            }
            entries.add(entry);
            for (ApiResource.Subresource sub : resource.subresources()) {
                ObjectNode subEntry = Json.object().put("name", resource.plural() + "/" + sub.name())
                        .put("singularName", "").put("namespaced", resource.namespaced());
                if (!sub.group().isEmpty() && !sub.group().equals(group)) {
                    subEntry.put("group", sub.group()).put("version", sub.version());
                }
                subEntry.put("kind", sub.kind());
                strings(subEntry, "verbs", sub.verbs());
                entries.add(subEntry);
            }
        }
        entries.sort(Comparator.comparing(e -> e.path("name").asText()));
        items.addAll(entries);
        return Optional.of(list);
    }

    /**
     * The aggregated discovery document ({@code apidiscovery.k8s.io/v2beta1} {@code APIGroupDiscoveryList}) of the
     * core group ({@code /api}) or of the named groups ({@code /apis}).
     */
    ObjectNode aggregated(boolean core) {
        ObjectNode list = Json.object().put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2beta1");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        Map<String, List<String>> wanted = core ? Map.of("", List.of("v1")) : groups;
        wanted.forEach((group, versions) -> {
            ObjectNode item = items.addObject();
            ObjectNode metadata = item.putObject("metadata");
            if (!group.isEmpty()) {
                metadata.put("name", group);
            }
            metadata.putNull("creationTimestamp");
            ArrayNode versionList = item.putArray("versions");
            for (String version : versions) {
                ObjectNode entry = versionList.addObject().put("version", version);
                ArrayNode resourceList = entry.putArray("resources");
                inGroupVersion(group, version).stream().sorted(Comparator.comparing(ApiResource::plural))
                        .forEach(resource -> resourceList.add(aggregatedEntry(resource)));
                entry.put("freshness", "Current");
            }
        });
        return list;
    }

    private static ObjectNode aggregatedEntry(ApiResource resource) {
        ObjectNode entry = Json.object().put("resource", resource.plural());
        responseKind(entry, resource.custom() ? resource.group() : "", resource.custom() ? resource.version() : "",
                resource.kind());
        entry.put("scope", resource.namespaced() ? "Namespaced" : "Cluster").put("singularResource", resource.singular());
        strings(entry, "verbs", resource.verbs());
        if (!resource.shortNames().isEmpty()) {
            strings(entry, "shortNames", resource.shortNames());
        }
        if (!resource.categories().isEmpty()) {
            strings(entry, "categories", resource.categories());
        }
        if (!resource.subresources().isEmpty()) {
            ArrayNode subs = entry.putArray("subresources");
            resource.subresources().stream().sorted(Comparator.comparing(ApiResource.Subresource::name)).forEach(sub -> {
                ObjectNode subEntry = subs.addObject().put("subresource", sub.name());
                responseKind(subEntry, sub.group(), sub.version(), sub.kind());
                strings(subEntry, "verbs", sub.verbs());
            });
        }
        return entry;
    }

    private static void responseKind(ObjectNode entry, String group, String version, String kind) {
        entry.putObject("responseKind").put("group", group).put("version", version).put("kind", kind);
    }

    private List<ApiResource> inGroupVersion(String group, String version) {
        return resources.stream().filter(r -> r.group().equals(group) && r.version().equals(version)).toList();
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
