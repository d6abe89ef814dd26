package io.sluice.sandbox.cluster;

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
            core("Namespace", "namespaces", false, "ns"),
            core("ConfigMap", "configmaps", true, "cm"),
            core("Secret", "secrets", true),
            core("Service", "services", true, "svc"),
            core("ServiceAccount", "serviceaccounts", true, "sa"),
            core("Pod", "pods", true, "po"),
            core("Event", "events", true, "ev"),
            core("Endpoints", "endpoints", true, "ep"),
            core("PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
            core("PersistentVolume", "persistentvolumes", false, "pv"),
            core("Node", "nodes", false, "no"),
            core("LimitRange", "limitranges", true, "limits"),
            core("ResourceQuota", "resourcequotas", true, "quota"),
            of("apps", "v1", "Deployment", "deployments", true, "deploy"),
            of("apps", "v1", "StatefulSet", "statefulsets", true, "sts"),
            of("apps", "v1", "DaemonSet", "daemonsets", true, "ds"),
            of("apps", "v1", "ReplicaSet", "replicasets", true, "rs"),
            of("batch", "v1", "Job", "jobs", true),
            of("batch", "v1", "CronJob", "cronjobs", true, "cj"),
            of("networking.k8s.io", "v1", "Ingress", "ingresses", true, "ing"),
            of("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, "netpol"),
            of("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, "pdb"),
            of("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa"),
            of("coordination.k8s.io", "v1", "Lease", "leases", true),
            of("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
            of("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
            of("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
            of("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
            of("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, "crd", "crds"));

    private static ApiResource core(String kind, String plural, boolean namespaced, String... shortNames) {
        return of("", "v1", kind, plural, namespaced, shortNames);
    }

    private static ApiResource of(String group, String version, String kind, String plural, boolean namespaced,
            String... shortNames) {
        // Status subresources of built-ins are not announced: nothing in the sandbox writes them.
        return new ApiResource(group, version, kind, plural, namespaced, List.of(shortNames), false);
    }
}
