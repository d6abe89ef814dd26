package io.sluice.kustomize;

import java.util.Set;

/**
 * Which objects are cluster-scoped, decided as kustomize decides it: by exact apiVersion and kind in the table
 * kustomize v5.7.1 keeps for its built-in schema (Kubernetes 1.21.2). A kind is cluster-scoped only in the API
 * versions listed: {@code flowcontrol.apiserver.k8s.io/v1beta1} FlowSchema is, {@code .../v1} and {@code v1beta3}
 * are not (they came after 1.21), so kustomize gives those a namespace. Anything not in the table is namespaced,
 * unless a custom OpenAPI schema ({@code openapi: {path: ...}}) is in use and its paths say otherwise.
 */
final class ClusterScope {
    /** apiVersion/kind of the built-in cluster-scoped types. */
    private static final Set<Gvk> CLUSTER = gvks(
            "admissionregistration.k8s.io/v1/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration",
            "apiextensions.k8s.io/v1/CustomResourceDefinition", "apiextensions.k8s.io/v1beta1/CustomResourceDefinition",
            "apiregistration.k8s.io/v1/APIService", "apiregistration.k8s.io/v1beta1/APIService",
            "certificates.k8s.io/v1/CertificateSigningRequest", "certificates.k8s.io/v1beta1/CertificateSigningRequest",
            "flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema", "flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration",
            "networking.k8s.io/v1/IngressClass", "networking.k8s.io/v1beta1/IngressClass",
            "node.k8s.io/v1/RuntimeClass", "node.k8s.io/v1beta1/RuntimeClass",
            "policy/v1beta1/PodSecurityPolicy",
            "rbac.authorization.k8s.io/v1/ClusterRole", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
            "rbac.authorization.k8s.io/v1beta1/ClusterRole", "rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding",
            "scheduling.k8s.io/v1/PriorityClass", "scheduling.k8s.io/v1beta1/PriorityClass",
            "storage.k8s.io/v1/CSIDriver", "storage.k8s.io/v1/CSINode", "storage.k8s.io/v1/StorageClass",
            "storage.k8s.io/v1/VolumeAttachment", "storage.k8s.io/v1beta1/CSIDriver", "storage.k8s.io/v1beta1/CSINode",
            "storage.k8s.io/v1beta1/StorageClass", "storage.k8s.io/v1beta1/VolumeAttachment",
            "v1/ComponentStatus", "v1/Namespace", "v1/Node", "v1/NodeProxyOptions", "v1/PersistentVolume");

    /** apiVersion/kind of the built-in namespaced types: these win over a custom schema too. */
    private static final Set<Gvk> NAMESPACED = gvks(
            "storage.k8s.io/v1beta1/CSIStorageCapacity", "v1/ConfigMap", "apps/v1/ControllerRevision", "batch/v1/CronJob",
            "batch/v1beta1/CronJob", "apps/v1/DaemonSet", "apps/v1/Deployment", "discovery.k8s.io/v1/EndpointSlice",
            "discovery.k8s.io/v1beta1/EndpointSlice", "v1/Endpoints", "events.k8s.io/v1/Event", "events.k8s.io/v1beta1/Event",
            "v1/Event", "autoscaling/v1/HorizontalPodAutoscaler", "autoscaling/v2beta1/HorizontalPodAutoscaler",
            "autoscaling/v2beta2/HorizontalPodAutoscaler", "extensions/v1beta1/Ingress", "networking.k8s.io/v1/Ingress",
            "networking.k8s.io/v1beta1/Ingress", "batch/v1/Job", "coordination.k8s.io/v1/Lease",
            "coordination.k8s.io/v1beta1/Lease", "v1/LimitRange", "networking.k8s.io/v1/NetworkPolicy",
            "v1/PersistentVolumeClaim", "v1/Pod", "v1/PodAttachOptions", "policy/v1/PodDisruptionBudget",
            "policy/v1beta1/PodDisruptionBudget", "v1/PodExecOptions", "v1/PodPortForwardOptions", "v1/PodProxyOptions",
            "v1/PodTemplate", "apps/v1/ReplicaSet", "v1/ReplicationController", "v1/ResourceQuota",
            "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1beta1/Role",
            "rbac.authorization.k8s.io/v1/RoleBinding", "rbac.authorization.k8s.io/v1beta1/RoleBinding",
            "autoscaling/v1/Scale", "v1/Secret", "v1/Service", "v1/ServiceAccount", "v1/ServiceProxyOptions",
            "apps/v1/StatefulSet");

    /**
     * The OpenAPI schemas of the build running on this thread. kustomize keeps them in process-wide variables,
     * and an object's scope is asked in many places (every id comparison); a build here runs on one thread, so
     * they are kept per thread, set and cleared by {@link BuildContext}.
     */
    private static final ThreadLocal<OpenApiState> OPEN_API = new ThreadLocal<>();

    private ClusterScope() {
    }

    private static Set<Gvk> gvks(String... apiVersionKinds) {
        java.util.HashSet<Gvk> out = new java.util.HashSet<>();
        for (String s : apiVersionKinds) {
            int slash = s.lastIndexOf('/');
            out.add(Gvk.of(s.substring(0, slash), s.substring(slash + 1)));
        }
        return out;
    }

    static boolean isClusterScoped(Gvk gvk) {
        if (CLUSTER.contains(gvk)) {
            return true;
        }
        if (NAMESPACED.contains(gvk)) {
            return false;
        }
        OpenApiState openApi = OPEN_API.get();
        return openApi != null && openApi.customClusterScoped(gvk);
    }

    static void useOpenApi(OpenApiState state) {
        if (state == null) {
            OPEN_API.remove();
        } else {
            OPEN_API.set(state);
        }
    }
}
