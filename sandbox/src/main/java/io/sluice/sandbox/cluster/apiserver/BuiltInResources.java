package io.sluice.sandbox.cluster.apiserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in resource types a kube-apiserver v1.28 serves by default, as its discovery lists them: groups in the
 * order {@code /apis} lists them, each type with its verbs, short names, categories and subresources. The sandbox
 * stores objects of all of them (it runs none of their controllers, apart from what docs/sandbox.md says it
 * simulates); a path of a type not listed here, or of a version not served, is a 404 as on a real server.
 */
final class BuiltInResources {

    private BuiltInResources() {
    }

    static final List<String> ALL_VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    private static final List<String> NAMESPACE_VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");
    private static final List<String> CREATE = List.of("create");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");
    private static final List<String> PROXY_VERBS = List.of("create", "delete", "get", "patch", "update");
    private static final List<String> ALL_CATEGORY = List.of("all");
    private static final List<String> API_EXTENSIONS = List.of("api-extensions");

    /** Named groups, in the order a v1.28 server lists them in {@code /apis}; each with its versions, preferred first. */
    static final List<List<String>> GROUPS = List.of(
            List.of("apiregistration.k8s.io", "v1"), List.of("apps", "v1"), List.of("events.k8s.io", "v1"),
            List.of("authentication.k8s.io", "v1"), List.of("authorization.k8s.io", "v1"),
            List.of("autoscaling", "v2", "v1"), List.of("batch", "v1"), List.of("certificates.k8s.io", "v1"),
            List.of("networking.k8s.io", "v1"), List.of("policy", "v1"), List.of("rbac.authorization.k8s.io", "v1"),
            List.of("storage.k8s.io", "v1"), List.of("admissionregistration.k8s.io", "v1"),
            List.of("apiextensions.k8s.io", "v1"), List.of("scheduling.k8s.io", "v1"),
            List.of("coordination.k8s.io", "v1"), List.of("node.k8s.io", "v1"), List.of("discovery.k8s.io", "v1"),
            List.of("flowcontrol.apiserver.k8s.io", "v1beta3", "v1beta2"));

    static final List<ApiResource> ALL = all();

    private static List<ApiResource> all() {
        List<ApiResource> all = new ArrayList<>();
        // core
        all.add(type("", "v1", "Binding", "bindings", true).verbs(CREATE).notStored().build());
        all.add(type("", "v1", "ComponentStatus", "componentstatuses", false).verbs(List.of("get", "list"))
                .shortNames("cs").notStored().build());
        all.add(type("", "v1", "ConfigMap", "configmaps", true).shortNames("cm").build());
        all.add(type("", "v1", "Endpoints", "endpoints", true).shortNames("ep").build());
        all.add(type("", "v1", "Event", "events", true).shortNames("ev").build());
        all.add(type("", "v1", "LimitRange", "limitranges", true).shortNames("limits").build());
        all.add(type("", "v1", "Namespace", "namespaces", false).verbs(NAMESPACE_VERBS).shortNames("ns")
                .sub("finalize", "Namespace", List.of("update")).status().build());
        all.add(type("", "v1", "Node", "nodes", false).shortNames("no").sub("proxy", "NodeProxyOptions", PROXY_VERBS)
                .status().build());
        all.add(type("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true).shortNames("pvc").status().build());
        all.add(type("", "v1", "PersistentVolume", "persistentvolumes", false).shortNames("pv").status().build());
        all.add(type("", "v1", "Pod", "pods", true).shortNames("po").categories(ALL_CATEGORY)
                .sub("attach", "PodAttachOptions", List.of("create", "get")).sub("binding", "Binding", CREATE)
                .sub("ephemeralcontainers", "Pod", STATUS_VERBS)
                .sub(new ApiResource.Subresource("eviction", "policy", "v1", "Eviction", CREATE))
                .sub("exec", "PodExecOptions", List.of("create", "get")).sub("log", "Pod", List.of("get"))
                .sub("portforward", "PodPortForwardOptions", List.of("create", "get"))
                .sub("proxy", "PodProxyOptions", PROXY_VERBS).status().build());
        all.add(type("", "v1", "PodTemplate", "podtemplates", true).build());
        all.add(type("", "v1", "ReplicationController", "replicationcontrollers", true).shortNames("rc")
                .categories(ALL_CATEGORY).scale().status().build());
        all.add(type("", "v1", "ResourceQuota", "resourcequotas", true).shortNames("quota").status().build());
        all.add(type("", "v1", "Secret", "secrets", true).build());
        all.add(type("", "v1", "ServiceAccount", "serviceaccounts", true).shortNames("sa")
                .sub(new ApiResource.Subresource("token", "authentication.k8s.io", "v1", "TokenRequest", CREATE)).build());
        all.add(type("", "v1", "Service", "services", true).shortNames("svc").categories(ALL_CATEGORY)
                .sub("proxy", "ServiceProxyOptions", PROXY_VERBS).status().build());
        // named groups
        all.add(type("apiregistration.k8s.io", "v1", "APIService", "apiservices", false).categories(API_EXTENSIONS)
                .status().build());
        all.add(type("apps", "v1", "ControllerRevision", "controllerrevisions", true).build());
        all.add(type("apps", "v1", "DaemonSet", "daemonsets", true).shortNames("ds").categories(ALL_CATEGORY).status().build());
        all.add(type("apps", "v1", "Deployment", "deployments", true).shortNames("deploy").categories(ALL_CATEGORY)
                .scale().status().build());
        all.add(type("apps", "v1", "ReplicaSet", "replicasets", true).shortNames("rs").categories(ALL_CATEGORY)
                .scale().status().build());
        all.add(type("apps", "v1", "StatefulSet", "statefulsets", true).shortNames("sts").categories(ALL_CATEGORY)
                .scale().status().build());
        all.add(type("events.k8s.io", "v1", "Event", "events", true).shortNames("ev").build());
        all.add(type("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false).verbs(CREATE)
                .notStored().build());
        all.add(type("authentication.k8s.io", "v1", "TokenReview", "tokenreviews", false).verbs(CREATE).notStored().build());
        for (String review : List.of("LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview",
                "SubjectAccessReview")) {
            all.add(type("authorization.k8s.io", "v1", review, review.toLowerCase(java.util.Locale.ROOT) + "s",
                    review.startsWith("Local")).verbs(CREATE).notStored().build());
        }
        for (String version : List.of("v2", "v1")) {
            all.add(type("autoscaling", version, "HorizontalPodAutoscaler", "horizontalpodautoscalers", true)
                    .shortNames("hpa").categories(ALL_CATEGORY).status().build());
        }
        all.add(type("batch", "v1", "CronJob", "cronjobs", true).shortNames("cj").categories(ALL_CATEGORY).status().build());
        all.add(type("batch", "v1", "Job", "jobs", true).categories(ALL_CATEGORY).status().build());
        all.add(type("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", false)
                .shortNames("csr").sub("approval", "CertificateSigningRequest", STATUS_VERBS).status().build());
        all.add(type("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false).build());
        all.add(type("networking.k8s.io", "v1", "Ingress", "ingresses", true).shortNames("ing").status().build());
        all.add(type("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true).shortNames("netpol").build());
        all.add(type("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true).shortNames("pdb").status().build());
        all.add(type("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false).build());
        all.add(type("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false).build());
        all.add(type("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true).build());
        all.add(type("rbac.authorization.k8s.io", "v1", "Role", "roles", true).build());
        all.add(type("storage.k8s.io", "v1", "CSIDriver", "csidrivers", false).build());
        all.add(type("storage.k8s.io", "v1", "CSINode", "csinodes", false).build());
        all.add(type("storage.k8s.io", "v1", "CSIStorageCapacity", "csistoragecapacities", true).build());
        all.add(type("storage.k8s.io", "v1", "StorageClass", "storageclasses", false).shortNames("sc").build());
        all.add(type("storage.k8s.io", "v1", "VolumeAttachment", "volumeattachments", false).status().build());
        all.add(type("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration",
                "mutatingwebhookconfigurations", false).categories(API_EXTENSIONS).build());
        all.add(type("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration",
                "validatingwebhookconfigurations", false).categories(API_EXTENSIONS).build());
        all.add(type("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false)
                .shortNames("crd", "crds").categories(API_EXTENSIONS).status().build());
        all.add(type("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false).shortNames("pc").build());
        all.add(type("coordination.k8s.io", "v1", "Lease", "leases", true).build());
        all.add(type("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", false).build());
        all.add(type("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true).build());
        for (String version : List.of("v1beta3", "v1beta2")) {
            all.add(type("flowcontrol.apiserver.k8s.io", version, "FlowSchema", "flowschemas", false).status().build());
            all.add(type("flowcontrol.apiserver.k8s.io", version, "PriorityLevelConfiguration",
                    "prioritylevelconfigurations", false).status().build());
        }
        return List.copyOf(all);
    }

    private static Builder type(String group, String version, String kind, String plural, boolean namespaced) {
        return new Builder(group, version, kind, plural, namespaced);
    }

    /** One row of the table above. */
    private static final class Builder {
        private final String group;
        private final String version;
        private final String kind;
        private final String plural;
        private final boolean namespaced;
        private List<String> verbs = ALL_VERBS;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private final List<ApiResource.Subresource> subresources = new ArrayList<>();
        private boolean stored = true;

        Builder(String group, String version, String kind, String plural, boolean namespaced) {
            this.group = group;
            this.version = version;
            this.kind = kind;
            this.plural = plural;
            this.namespaced = namespaced;
        }

        Builder verbs(List<String> value) {
            verbs = value;
            return this;
        }

        Builder shortNames(String... value) {
            shortNames = Arrays.asList(value);
            return this;
        }

        Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        Builder sub(String name, String subKind, List<String> subVerbs) {
            return sub(new ApiResource.Subresource(name, "", "", subKind, subVerbs));
        }

        Builder sub(ApiResource.Subresource subresource) {
            subresources.add(subresource);
            return this;
        }

        Builder status() {
            return sub("status", kind, STATUS_VERBS);
        }

        Builder scale() {
            return sub(new ApiResource.Subresource("scale", "autoscaling", "v1", "Scale", STATUS_VERBS));
        }

        Builder notStored() {
            stored = false;
            return this;
        }

        ApiResource build() {
            return new ApiResource(group, version, kind, plural, ApiResource.singularOf(kind), namespaced, verbs,
                    List.copyOf(shortNames), categories, List.copyOf(subresources), stored, false);
        }
    }
}
