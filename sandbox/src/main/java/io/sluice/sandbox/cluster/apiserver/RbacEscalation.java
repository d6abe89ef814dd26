package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RBAC's escalation rules, which a real server applies to every write of a Role, ClusterRole, RoleBinding or
 * ClusterRoleBinding: a user may grant only permissions it holds itself. A role's rules must all be allowed to the
 * writer (in the role's namespace, or cluster-wide for a ClusterRole) unless it may {@code escalate} roles; a binding's
 * role likewise unless it may {@code bind} it. Otherwise 403, naming what it does not hold. A tenant's service account
 * that writes Roles (Flux's {@code serviceAccountName}) meets this on a real cluster, so it meets it here too.
 */
final class RbacEscalation {

    private static final String RBAC = "rbac.authorization.k8s.io";

    private final ObjectStore store;
    private final RbacAuthorizer authorizer;

    RbacEscalation(ObjectStore store, RbacAuthorizer authorizer) {
        this.store = store;
        this.authorizer = authorizer;
    }

    /**
     * @param who the writer; null for the cluster's own writes (bootstrap policy, controllers)
     * @throws ApiException 403 when the object grants what {@code who} does not hold
     */
    void check(Identity who, ObjectRef ref, ObjectNode object) {
        if (who == null || who.isMaster() || !ref.group().equals(RBAC)) {
            return;
        }
        JsonNode rules;
        switch (ref.plural()) {
            case "roles", "clusterroles" -> {
                if (allowed(who, "escalate", ref.plural(), ref.namespace(), ref.name())) {
                    return;
                }
                rules = object.path("rules");
            }
            case "rolebindings", "clusterrolebindings" -> {
                JsonNode roleRef = object.path("roleRef");
                boolean clusterRole = roleRef.path("kind").asText().equals("ClusterRole");
                String roleName = roleRef.path("name").asText();
                if (allowed(who, "bind", clusterRole ? "clusterroles" : "roles", ref.namespace(), roleName)) {
                    return;
                }
                rules = store.peek(new ObjectRef(RBAC, clusterRole ? "clusterroles" : "roles",
                        clusterRole ? "" : ref.namespace(), roleName)).map(role -> role.path("rules"))
                        .orElse(Json.array());
            }
            default -> {
                return;
            }
        }
        List<String> missing = missing(who, rules, ref.namespace());
        if (!missing.isEmpty()) {
            throw new ApiException(403, "Forbidden", ref.resource() + " \"" + ref.name() + "\" is forbidden: user \""
                    + who.user() + "\" (groups=" + goStrings(who.groups()) + ") is attempting to grant RBAC permissions "
                    + "not currently held:\n" + String.join("\n", missing), ref, List.of());
        }
    }

    private boolean allowed(Identity who, String verb, String resource, String namespace, String name) {
        return authorizer.decide(who, new RequestAttributes(verb, RBAC, resource, "", namespace, name, null)).allowed();
    }

    /** The permissions of {@code rules} {@code who} does not hold, one rule each, verbs of the same target together. */
    private List<String> missing(Identity who, JsonNode rules, String namespace) {
        Map<String, List<String>> verbsByTarget = new LinkedHashMap<>();
        for (JsonNode rule : rules) {
            List<String> verbs = texts(rule.path("verbs"));
            if (rule.has("nonResourceURLs")) {
                for (String url : texts(rule.path("nonResourceURLs"))) {
                    for (String verb : verbs) {
                        if (!authorizer.decide(who, RequestAttributes.nonResource(verb, url)).allowed()) {
                            verbsByTarget.computeIfAbsent("NonResourceURLs:[\"" + url + "\"]", k -> new ArrayList<>()).add(verb);
                        }
                    }
                }
                continue;
            }
            List<String> names = texts(rule.path("resourceNames"));
            for (String group : texts(rule.path("apiGroups"))) {
                for (String resource : texts(rule.path("resources"))) {
                    for (String name : names.isEmpty() ? List.of("") : names) {
                        for (String verb : verbs) {
                            int slash = resource.indexOf('/');
                            RequestAttributes wanted = new RequestAttributes(verb, group,
                                    slash < 0 ? resource : resource.substring(0, slash),
                                    slash < 0 ? "" : resource.substring(slash + 1), namespace, name, null);
                            if (!authorizer.decide(who, wanted).allowed()) {
                                String target = "APIGroups:[\"" + group + "\"], Resources:[\"" + resource + "\"]"
                                        + (name.isEmpty() ? "" : ", ResourceNames:[\"" + name + "\"]");
                                verbsByTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(verb);
                            }
                        }
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        verbsByTarget.forEach((target, verbs) -> missing.add("{" + target + ", Verbs:" + goStrings(verbs) + "}"));
        return missing;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** A list of strings as Go prints it in these messages: {@code ["a" "b"]}. */
    private static String goStrings(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("\"" + v + "\""));
        return "[" + String.join(" ", quoted) + "]";
    }
}
