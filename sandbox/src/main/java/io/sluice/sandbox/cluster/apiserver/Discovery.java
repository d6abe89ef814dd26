package io.sluice.sandbox.cluster.apiserver;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API discovery documents ({@code /api}, {@code /apis}, {@code /apis/<group>/<version>}) for a set of
 * resource types: the built-ins plus whatever CRDs are stored. The fabric8 mock answers these paths with
 * unrelated lists, which leaves kubectl unable to map kinds to URLs.
 */
final class Discovery {

    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    private final List<ApiResource> resources;

    private Discovery(List<ApiResource> resources) {
        this.resources = resources;
    }

    /** Built-in resources plus every served version of the given CRDs. */
    static Discovery of(List<CustomResourceDefinition> crds) {
        List<ApiResource> all = new ArrayList<>(BuiltInResources.ALL);
        for (CustomResourceDefinition crd : crds) {
            var spec = crd.getSpec();
            for (CustomResourceDefinitionVersion version : spec.getVersions()) {
                if (Boolean.FALSE.equals(version.getServed())) {
                    continue;
                }
                boolean hasStatus = version.getSubresources() != null && version.getSubresources().getStatus() != null;
                all.add(new ApiResource(spec.getGroup(), version.getName(), spec.getNames().getKind(),
                        spec.getNames().getPlural(), "Namespaced".equals(spec.getScope()),
                        Optional.ofNullable(spec.getNames().getShortNames()).orElse(List.of()), hasStatus));
            }
        }
        return new Discovery(all);
    }

    /** Every served type, built-in and custom. */
    List<ApiResource> all() {
        return List.copyOf(resources);
    }

    /** The type served as {@code plural} in {@code group}, preferring {@code version} when several are served. */
    Optional<ApiResource> find(String group, String version, String plural) {
        Optional<ApiResource> exact = resources.stream()
                .filter(r -> r.group().equals(group) && r.plural().equals(plural) && r.version().equals(version))
                .findFirst();
        return exact.isPresent() ? exact
                : resources.stream().filter(r -> r.group().equals(group) && r.plural().equals(plural)).findFirst();
    }

    /** {@code GET /api}: the core group's versions. */
    APIVersions coreVersions(String serverAddress) {
        return new APIVersionsBuilder().withVersions("v1")
                .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress).build();
    }

    /** {@code GET /apis}: every named group with its versions. */
    APIGroupList groups() {
        Map<String, APIGroup> groups = new LinkedHashMap<>();
        for (ApiResource resource : resources) {
            if (resource.group().isEmpty()) {
                continue;
            }
            APIGroup group = groups.computeIfAbsent(resource.group(), name -> new APIGroupBuilder().withName(name)
                    .withPreferredVersion(discoveryVersion(resource)).build());
            if (group.getVersions().stream().noneMatch(v -> v.getVersion().equals(resource.version()))) {
                group.getVersions().add(discoveryVersion(resource));
            }
        }
        return new APIGroupListBuilder().withGroups(new ArrayList<>(groups.values())).build();
    }

    /** {@code GET /apis/<group>}, or empty when no resource is in that group. */
    Optional<APIGroup> group(String name) {
        return groups().getGroups().stream().filter(g -> g.getName().equals(name)).findFirst();
    }

    /** {@code GET /api/v1} or {@code GET /apis/<group>/<version>}, or empty when nothing is served there. */
    Optional<APIResourceList> resources(String groupVersion) {
        List<APIResource> listed = new ArrayList<>();
        for (ApiResource resource : resources) {
            if (!resource.groupVersion().equals(groupVersion)) {
                continue;
            }
            listed.add(new APIResourceBuilder().withName(resource.plural()).withSingularName(resource.singular())
                    .withKind(resource.kind()).withNamespaced(resource.namespaced()).withVerbs(VERBS)
                    .withShortNames(resource.shortNames().isEmpty() ? null : resource.shortNames()).build());
            if (resource.hasStatus()) {
                listed.add(new APIResourceBuilder().withName(resource.plural() + "/status").withSingularName("")
                        .withKind(resource.kind()).withNamespaced(resource.namespaced()).withVerbs(STATUS_VERBS).build());
            }
        }
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(listed).build());
    }

    private static GroupVersionForDiscovery discoveryVersion(ApiResource resource) {
        return new GroupVersionForDiscovery(resource.groupVersion(), resource.version());
    }
}
