package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Authorization as a real server's RBAC authorizer decides it, from the Roles, ClusterRoles, RoleBindings and
 * ClusterRoleBindings stored in the sandbox: a request is allowed when a ClusterRoleBinding, or a RoleBinding in the
 * request's namespace, binds the user (by name, group or service account) to a role with a rule that matches the
 * verb, API group, resource (and subresource), name, or non-resource path. {@code system:masters} may do anything,
 * as the real server's privileged-group check lets it. Callers hold the store's monitor.
 */
final class RbacAuthorizer {

    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    /** The answer, and for an allowed request through RBAC which binding allowed it (as an access review tells). */
    record Decision(boolean allowed, String reason) {
    }

    private final ObjectStore store;

    RbacAuthorizer(ObjectStore store) {
        this.store = store;
    }

    Decision decide(Identity who, RequestAttributes what) {
        if (who.isMaster()) {
            return new Decision(true, "");
        }
        for (ObjectNode binding : store.stored(RBAC_GROUP, "clusterrolebindings", null)) {
            Optional<String> subject = subjectMatching(binding, who, "");
            if (subject.isPresent() && allows(clusterRole(binding.path("roleRef").path("name").asText()), what)) {
                return new Decision(true, "RBAC: allowed by ClusterRoleBinding \"" + Json.meta(binding, "name")
                        + "\" of ClusterRole \"" + binding.path("roleRef").path("name").asText() + "\" to " + subject.get());
            }
        }
        if (!what.namespace().isEmpty()) {
            for (ObjectNode binding : store.stored(RBAC_GROUP, "rolebindings", what.namespace())) {
                Optional<String> subject = subjectMatching(binding, who, what.namespace());
                if (subject.isEmpty()) {
                    continue;
                }
                JsonNode roleRef = binding.path("roleRef");
                boolean clusterRole = roleRef.path("kind").asText().equals("ClusterRole");
                Optional<ObjectNode> role = clusterRole ? clusterRole(roleRef.path("name").asText())
                        : store.peek(new ObjectRef(RBAC_GROUP, "roles", what.namespace(), roleRef.path("name").asText()));
                if (allows(role, what)) {
                    return new Decision(true, "RBAC: allowed by RoleBinding \"" + Json.meta(binding, "name") + "/"
                            + what.namespace() + "\" of " + (clusterRole ? "ClusterRole" : "Role") + " \""
                            + roleRef.path("name").asText() + "\" to " + subject.get());
                }
            }
        }
        return new Decision(false, "");
    }

    private Optional<ObjectNode> clusterRole(String name) {
        return store.peek(new ObjectRef(RBAC_GROUP, "clusterroles", "", name));
    }

    /** The first subject of the binding that is this user, described as RBAC's reasons describe it. */
    private static Optional<String> subjectMatching(JsonNode binding, Identity who, String bindingNamespace) {
        for (JsonNode subject : binding.path("subjects")) {
            String kind = subject.path("kind").asText();
            String name = subject.path("name").asText();
            switch (kind) {
                case "User" -> {
                    if (name.equals(who.user())) {
                        return Optional.of("User \"" + name + "\"");
                    }
                }
                case "Group" -> {
                    if (who.groups().contains(name)) {
                        return Optional.of("Group \"" + name + "\"");
                    }
                }
                case "ServiceAccount" -> {
                    String namespace = subject.path("namespace").asText(bindingNamespace);
                    if ((namespace + "/" + name).equals(who.serviceAccount())) {
                        return Optional.of("ServiceAccount \"" + name + "/" + namespace + "\"");
                    }
                }
                default -> {
                    // not a subject kind RBAC knows
                }
            }
        }
        return Optional.empty();
    }

    private static boolean allows(Optional<ObjectNode> role, RequestAttributes what) {
        if (role.isEmpty()) {
            return false;
        }
        for (JsonNode rule : role.get().path("rules")) {
            if (matches(rule, what)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonNode rule, RequestAttributes what) {
        if (!contains(rule.path("verbs"), what.verb())) {
            return false;
        }
        if (!what.isResourceRequest()) {
            for (JsonNode url : rule.path("nonResourceURLs")) {
                String pattern = url.asText();
                if (pattern.equals("*") || pattern.equals(what.path())
                        || pattern.endsWith("*") && what.path().startsWith(pattern.substring(0, pattern.length() - 1))) {
                    return true;
                }
            }
            return false;
        }
        if (!contains(rule.path("apiGroups"), what.group())) {
            return false;
        }
        boolean resource = false;
        for (JsonNode value : rule.path("resources")) {
            String text = value.asText();
            resource |= text.equals("*") || text.equals(what.qualifiedResource())
                    || !what.subresource().isEmpty() && text.equals("*/" + what.subresource());
        }
        if (!resource) {
            return false;
        }
        JsonNode names = rule.path("resourceNames");
        return names.isEmpty() || !what.name().isEmpty() && contains(names, what.name());
    }

    private static boolean contains(JsonNode values, String wanted) {
        for (JsonNode value : values) {
            if (value.asText().equals("*") || value.asText().equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
