package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcePathTest {

    @Test
    void namespacedObjectsCollectionsAndSubresources() {
        ResourcePath object = ResourcePath.parse("/apis/apps/v1/namespaces/default/deployments/web/status?dryRun=All")
                .orElseThrow();
        assertThat(object).extracting(ResourcePath::group, ResourcePath::version, ResourcePath::namespace,
                ResourcePath::plural, ResourcePath::name, ResourcePath::subresource)
                .containsExactly("apps", "v1", "default", "deployments", "web", "status");
        assertThat(object.dryRun()).isTrue();
        assertThat(object.ref("web")).isEqualTo(new ObjectRef("apps", "deployments", "default", "web"));

        ResourcePath list = ResourcePath.parse("/api/v1/namespaces/default/configmaps?labelSelector=app%20in%20(a%2Cb)")
                .orElseThrow();
        assertThat(list.name()).isNull();
        assertThat(list.query()).containsEntry("labelSelector", "app in (a,b)");
        assertThat(list.groupVersion()).isEqualTo("v1");
    }

    @Test
    void namespacesThemselvesAndClusterScopedTypes() {
        ResourcePath namespace = ResourcePath.parse("/api/v1/namespaces/flux-system").orElseThrow();
        assertThat(namespace.plural()).isEqualTo("namespaces");
        assertThat(namespace.name()).isEqualTo("flux-system");
        assertThat(namespace.namespace()).isNull();
        assertThat(ResourcePath.parse("/api/v1/namespaces/flux-system/status").orElseThrow().subresource())
                .isEqualTo("status");
        assertThat(ResourcePath.parse("/api/v1/namespaces/flux-system/finalize").orElseThrow().subresource())
                .isEqualTo("finalize");
        ResourcePath crd = ResourcePath.parse("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x.y").orElseThrow();
        assertThat(crd.ref("x.y").namespace()).isEmpty();
        ResourcePath all = ResourcePath.parse("/api/v1/configmaps?watch=true").orElseThrow();
        assertThat(all.namespace()).isNull();
        assertThat(all.flag("watch")).isTrue();
    }

    @Test
    void discoveryAndOtherPathsAreNotResourcePaths() {
        assertThat(ResourcePath.parse("/api")).isEmpty();
        assertThat(ResourcePath.parse("/api/v1")).isEmpty();
        assertThat(ResourcePath.parse("/apis/apps/v1")).isEmpty();
        assertThat(ResourcePath.parse("/version")).isEmpty();
        assertThat(ResourcePath.parse("/apis/apps/v1/a/b/c/d")).isEmpty();
    }
}
