package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default RBAC policy a real server creates at start, the part that decides what clients commonly meet:
 * {@code cluster-admin} for {@code system:masters}; discovery, health and version for every authenticated user
 * ({@code system:discovery}, {@code system:basic-user}) and health and version for anyone
 * ({@code system:public-info-viewer}); and the user-facing roles {@code admin}, {@code edit} and {@code view}
 * tenants are bound to. The real {@code admin}/{@code edit}/{@code view} are aggregated from many small roles; here
 * each is written out with the rules that matter for the common built-in types (docs/sandbox.md).
 */
final class RbacBootstrap {

    private static final String GROUP_VERSION = "rbac.authorization.k8s.io/v1";
    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> WRITE = List.of("create", "delete", "deletecollection", "patch", "update");

    /** What a namespace user reads (view): the workload, config and network types, without secrets. */
    private static final Map<String, List<String>> READABLE = Map.of(
            "", List.of("configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                    "pods/log", "pods/status", "replicationcontrollers", "replicationcontrollers/scale",
                    "replicationcontrollers/status", "serviceaccounts", "services", "services/status", "bindings",
                    "events", "limitranges", "resourcequotas", "resourcequotas/status", "namespaces", "namespaces/status"),
            "apps", List.of("controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                    "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
                    "statefulsets/scale", "statefulsets/status"),
            "autoscaling", List.of("horizontalpodautoscalers", "horizontalpodautoscalers/status"),
            "batch", List.of("cronjobs", "cronjobs/status", "jobs", "jobs/status"),
            "policy", List.of("poddisruptionbudgets", "poddisruptionbudgets/status"),
            "networking.k8s.io", List.of("ingresses", "ingresses/status", "networkpolicies"),
            "discovery.k8s.io", List.of("endpointslices"));

    /** What a namespace user writes (edit): the same types, their scale subresources, and secrets. */
    private static final Map<String, List<String>> WRITABLE = Map.of(
            "", List.of("configmaps", "endpoints", "persistentvolumeclaims", "pods", "replicationcontrollers",
                    "replicationcontrollers/scale", "secrets", "serviceaccounts", "services"),
            "apps", List.of("daemonsets", "deployments", "deployments/scale", "replicasets", "replicasets/scale",
                    "statefulsets", "statefulsets/scale"),
            "autoscaling", List.of("horizontalpodautoscalers"),
            "batch", List.of("cronjobs", "jobs"),
            "policy", List.of("poddisruptionbudgets"),
            "networking.k8s.io", List.of("ingresses", "networkpolicies"),
            "discovery.k8s.io", List.of("endpointslices"));

    private RbacBootstrap() {
    }

    /** The ClusterRoles and ClusterRoleBindings, in the order they are created. */
    static List<ObjectNode> objects() {
        List<ObjectNode> objects = new ArrayList<>();
        ObjectNode admin = clusterRole("cluster-admin");
        rule(admin, List.of("*"), List.of("*"), List.of("*"));
        nonResourceRule(admin, List.of("*"), List.of("*"));
        objects.add(admin);
        objects.add(clusterRoleBinding("cluster-admin", "Group", Identity.MASTERS));

        objects.add(nonResourceRole("system:discovery", List.of("/api", "/api/*", "/apis", "/apis/*", "/healthz",
                "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/")));
        objects.add(clusterRoleBinding("system:discovery", "Group", Identity.AUTHENTICATED));
        objects.add(nonResourceRole("system:public-info-viewer", List.of("/healthz", "/livez", "/readyz", "/version",
                "/version/")));
        ObjectNode publicInfo = clusterRoleBinding("system:public-info-viewer", "Group", Identity.AUTHENTICATED);
        ((ArrayNode) publicInfo.get("subjects")).addObject().put("apiGroup", "rbac.authorization.k8s.io")
                .put("kind", "Group").put("name", Identity.UNAUTHENTICATED);
        objects.add(publicInfo);
        ObjectNode basic = clusterRole("system:basic-user");
        rule(basic, List.of("authorization.k8s.io"), List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
                List.of("create"));
        rule(basic, List.of("authentication.k8s.io"), List.of("selfsubjectreviews"), List.of("create"));
        objects.add(basic);
        objects.add(clusterRoleBinding("system:basic-user", "Group", Identity.AUTHENTICATED));

        ObjectNode view = clusterRole("view");
        READABLE.forEach((group, resources) -> rule(view, List.of(group), resources, READ));
        objects.add(view);
        ObjectNode edit = clusterRole("edit");
        READABLE.forEach((group, resources) -> rule(edit, List.of(group), resources, READ));
        rule(edit, List.of(""), List.of("secrets"), READ);
        WRITABLE.forEach((group, resources) -> rule(edit, List.of(group), resources, WRITE));
        rule(edit, List.of(""), List.of("pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "services/proxy",
                "serviceaccounts/token"), List.of("create", "get"));
        rule(edit, List.of(""), List.of("serviceaccounts"), List.of("impersonate"));
        objects.add(edit);
        ObjectNode namespaceAdmin = clusterRole("admin");
        namespaceAdmin.set("rules", edit.get("rules").deepCopy());
        rule(namespaceAdmin, List.of("rbac.authorization.k8s.io"), List.of("roles", "rolebindings"),
                List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"));
        rule(namespaceAdmin, List.of("authorization.k8s.io"), List.of("localsubjectaccessreviews"), List.of("create"));
        objects.add(namespaceAdmin);
        return objects;
    }

    private static ObjectNode clusterRole(String name) {
        ObjectNode role = Json.object().put("apiVersion", GROUP_VERSION).put("kind", "ClusterRole");
        bootstrapMetadata(role, name);
        role.putArray("rules");
        return role;
    }

    private static ObjectNode nonResourceRole(String name, List<String> urls) {
        ObjectNode role = clusterRole(name);
        nonResourceRule(role, urls, List.of("get"));
        return role;
    }

    private static void nonResourceRule(ObjectNode role, List<String> urls, List<String> verbs) {
        ObjectNode rule = role.withArray("rules").addObject();
        rule.set("nonResourceURLs", strings(urls));
        rule.set("verbs", strings(verbs));
    }

    private static ObjectNode clusterRoleBinding(String role, String subjectKind, String subjectName) {
        ObjectNode binding = Json.object().put("apiVersion", GROUP_VERSION).put("kind", "ClusterRoleBinding");
        bootstrapMetadata(binding, role);
        binding.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole")
                .put("name", role);
        binding.putArray("subjects").addObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", subjectKind)
                .put("name", subjectName);
        return binding;
    }

    private static void bootstrapMetadata(ObjectNode object, String name) {
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        metadata.putObject("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
        metadata.putObject("annotations").put("rbac.authorization.kubernetes.io/autoupdate", "true");
    }

    private static void rule(ObjectNode role, List<String> groups, List<String> resources, List<String> verbs) {
        ObjectNode rule = role.withArray("rules").addObject();
        rule.set("verbs", strings(verbs));
        rule.set("apiGroups", strings(groups));
        rule.set("resources", strings(resources));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }
}
