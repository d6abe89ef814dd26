package io.sluice.kustomize;

import java.util.Set;

/** Built-in kinds that are not namespaced (kustomize reads the same from its OpenAPI schema). */
final class ClusterScope {
    private static final Set<String> CLUSTER_KINDS = Set.of(
            "APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding",
            "ComponentStatus", "CSIDriver", "CSINode", "CustomResourceDefinition", "FlowSchema",
            "IngressClass", "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume",
            "PodSecurityPolicy", "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass",
            "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SelfSubjectReview", "StorageClass", "SubjectAccessReview",
            "TokenReview", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
            "VolumeAttachment", "IPAddress", "ServiceCIDR", "DeviceClass", "ResourceSlice",
            "StorageVersionMigration", "VolumeAttributesClass", "ClusterTrustBundle", "StorageVersion");

    private ClusterScope() {
    }

    static boolean isClusterScoped(Gvk gvk) {
        // only the Kubernetes kinds: a CRD may well be called "Namespace" (e.g. servicebus.azure.com)
        String g = gvk.group();
        boolean k8sGroup = g.isEmpty() || g.endsWith(".k8s.io") || g.equals("policy") || g.equals("extensions");
        return k8sGroup && CLUSTER_KINDS.contains(gvk.kind());
    }
}
