package io.sluice.sandbox.cluster.apiserver;

import java.util.List;

/**
 * The built-in resource types the sandbox announces through API discovery, so kubectl and discovery-based
 * clients can map kinds to URLs. The mock stores any type; this list only decides what discovery shows.
 * Kept to what GitOps manifests and Sluice's services commonly touch.
 */
final class BuiltInResources {

    private BuiltInResources() {
    }

    static final List<ApiResource> ALL = List.of(
            core("Namespace", "namespaces", false, true, "ns"),
            core("ConfigMap", "configmaps", true, false, "cm"),
            core("Secret", "secrets", true, false),
            core("Service", "services", true, true, "svc"),
            core("ServiceAccount", "serviceaccounts", true, false, "sa"),
            core("Pod", "pods", true, true, "po"),
            core("Event", "events", true, false, "ev"),
            core("Endpoints", "endpoints", true, false, "ep"),
            core("PersistentVolumeClaim", "persistentvolumeclaims", true, true, "pvc"),
            core("PersistentVolume", "persistentvolumes", false, true, "pv"),
            core("Node", "nodes", false, true, "no"),
            core("LimitRange", "limitranges", true, false, "limits"),
            core("ResourceQuota", "resourcequotas", true, true, "quota"),
            of("apps", "v1", "Deployment", "deployments", true, true, "deploy"),
            of("apps", "v1", "StatefulSet", "statefulsets", true, true, "sts"),
            of("apps", "v1", "DaemonSet", "daemonsets", true, true, "ds"),
            of("apps", "v1", "ReplicaSet", "replicasets", true, true, "rs"),
            of("batch", "v1", "Job", "jobs", true, true),
            of("batch", "v1", "CronJob", "cronjobs", true, true, "cj"),
            of("networking.k8s.io", "v1", "Ingress", "ingresses", true, true, "ing"),
            of("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, false, "netpol"),
            of("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, true, "pdb"),
            of("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, true, "hpa"),
            of("coordination.k8s.io", "v1", "Lease", "leases", true, false),
            of("rbac.authorization.k8s.io", "v1", "Role", "roles", true, false),
            of("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, false),
            of("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, false),
            of("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, false),
            of("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, false),
            of("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, false, "sc"),
            of("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, false, "pc"),
            of("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, false),
            of("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration",
                    "mutatingwebhookconfigurations", false, false),
            of("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration",
                    "validatingwebhookconfigurations", false, false),
            of("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, true, "crd", "crds"));

    private static ApiResource core(String kind, String plural, boolean namespaced, boolean status,
            String... shortNames) {
        return of("", "v1", kind, plural, namespaced, status, shortNames);
    }

    /** {@code status}: the type has a status subresource, so writes to the main resource keep the stored status. */
    private static ApiResource of(String group, String version, String kind, String plural, boolean namespaced,
            boolean status, String... shortNames) {
        return new ApiResource(group, version, kind, plural, namespaced, List.of(shortNames), status);
    }
}
