package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Namespaces as a real cluster keeps them when they are created and used: the {@code kubernetes.io/metadata.name}
 * label (defaulting, so the writer owns it), {@code spec.finalizers: [kubernetes]} and phase Active; the objects
 * the controller-manager puts in every new namespace (ServiceAccount {@code default}, ConfigMap
 * {@code kube-root-ca.crt}); and the admission check that refuses an object in a namespace that does not exist
 * (404) or is being deleted (403). Deleting one: {@link NamespaceController}. Callers hold the store's monitor.
 */
final class Namespaces {

    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    static final String FINALIZER = "kubernetes";
    static final String ROOT_CA_CONFIGMAP = "kube-root-ca.crt";
    private static final String CONTROLLER_MANAGER = "kube-controller-manager";
    private static final String ROOT_CA_DESCRIPTION = "Contains a CA bundle that can be used to verify the "
            + "kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. "
            + "No other usage is guaranteed across distributions of Kubernetes clusters.";

    private final ObjectStore store;
    private final String caBundle;

    /** @param caBundle the cluster's CA certificate (PEM), which {@code kube-root-ca.crt} carries */
    Namespaces(ObjectStore store, String caBundle) {
        this.store = store;
        this.caBundle = caBundle;
    }

    static ObjectRef ref(String name) {
        return new ObjectRef("", "namespaces", "", name);
    }

    static boolean isNamespace(ObjectRef ref) {
        return ref.sameType("", "namespaces");
    }

    /** Defaulting of a Namespace, on every write: the label naming it. */
    static void setDefaults(ObjectNode namespace) {
        ObjectNode metadata = Json.metadata(namespace);
        ObjectNode labels = metadata.get("labels") instanceof ObjectNode existing ? existing : metadata.putObject("labels");
        labels.put(NAME_LABEL, metadata.path("name").asText());
    }

    /** What the API server sets on a new Namespace after defaulting: the finalizer and the Active phase. */
    static void prepareForCreate(ObjectNode namespace) {
        ObjectNode spec = namespace.get("spec") instanceof ObjectNode existing ? existing : namespace.putObject("spec");
        spec.putArray("finalizers").add(FINALIZER);
        namespace.putObject("status").put("phase", "Active");
    }

    /**
     * Admission of a new object in a namespace: 404 when the namespace does not exist, 403 while it is being deleted,
     * both worded as the real server words them.
     */
    void admit(ObjectRef ref) {
        if (ref.namespace().isEmpty()) {
            return;
        }
        ObjectNode namespace = store.peek(ref(ref.namespace())).orElseThrow(() -> ApiException.notFound(ref(ref.namespace())));
        if (Json.isTerminating(namespace)) {
            String why = "namespace " + ref.namespace() + " is being terminated";
            throw new ApiException(403, "Forbidden", ref.resource() + " \"" + ref.name() + "\" is forbidden: unable to "
                    + "create new content in namespace " + ref.namespace() + " because it is being terminated",
                    ref, List.of(new ApiException.Cause("NamespaceTerminating", why, "metadata.namespace")));
        }
    }

    /** The controller-manager's first work in a new namespace: its default ServiceAccount and root CA ConfigMap. */
    List<SystemObject> initialObjects(String namespace) {
        ObjectNode account = Json.object().put("apiVersion", "v1").put("kind", "ServiceAccount");
        Json.metadata(account).put("name", "default").put("namespace", namespace);

        ObjectNode rootCa = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = Json.metadata(rootCa).put("name", ROOT_CA_CONFIGMAP).put("namespace", namespace);
        metadata.putObject("annotations").put("kubernetes.io/description", ROOT_CA_DESCRIPTION);
        rootCa.putObject("data").put("ca.crt", caBundle);
        return List.of(new SystemObject(CONTROLLER_MANAGER, coreType(namespace, "serviceaccounts"), account),
                new SystemObject(CONTROLLER_MANAGER, coreType(namespace, "configmaps"), rootCa));
    }

    private static ResourcePath coreType(String namespace, String plural) {
        return new ResourcePath("", "v1", namespace, plural, null, null, Map.of());
    }
}
