package io.sluice.sandbox.cluster.apiserver;

/**
 * What a request asks to do, as the real server's authorizers see it: a verb on a resource (API group, resource,
 * subresource, namespace, name) or on a non-resource path ({@code /api}, {@code /healthz}).
 *
 * @param path null for a resource request
 * @param namespace "" at the cluster scope
 * @param name "" when the request names no object (lists, creates)
 */
record RequestAttributes(String verb, String group, String resource, String subresource, String namespace, String name,
        String path) {

    static RequestAttributes nonResource(String verb, String path) {
        return new RequestAttributes(verb, "", "", "", "", "", path);
    }

    /** The attributes of a request on the resource API. */
    static RequestAttributes of(String method, ResourcePath path) {
        boolean collection = path.name() == null;
        String verb = switch (method) {
            case "GET", "HEAD" -> collection ? (WatchRequests.isWatch(path) ? "watch" : "list") : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> collection ? "deletecollection" : "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
        String namespace = path.namespace() == null ? "" : path.namespace();
        if (path.group().isEmpty() && path.plural().equals("namespaces") && path.name() != null) {
            namespace = path.name(); // a namespace is in itself, as far as RoleBindings go
        }
        return new RequestAttributes(verb, path.group(), path.plural(),
                path.subresource() == null ? "" : path.subresource(), namespace,
                path.name() == null ? "" : path.name(), null);
    }

    boolean isResourceRequest() {
        return path == null;
    }

    /** {@code resource} or {@code resource/subresource}, as rules and messages name it. */
    String qualifiedResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /**
     * The 403 a real server answers when this is not allowed: {@code configmaps "c1" is forbidden: User "x" cannot
     * get resource "configmaps" in API group "" in the namespace "ns"}, or for a path {@code forbidden: User "x"
     * cannot get path "/api"}.
     */
    ApiException forbidden(Identity identity) {
        if (!isResourceRequest()) {
            return new ApiException(403, "Forbidden", "forbidden: User \"" + identity.user() + "\" cannot " + verb
                    + " path \"" + path + "\"", ApiException.Details.EMPTY);
        }
        String groupResource = group.isEmpty() ? resource : resource + "." + group;
        String subject = name.isEmpty() ? groupResource : groupResource + " \"" + name + "\"";
        String where = namespace.isEmpty() ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
        String message = subject + " is forbidden: User \"" + identity.user() + "\" cannot " + verb + " resource \""
                + qualifiedResource() + "\" in API group \"" + group + "\" " + where;
        return new ApiException(403, "Forbidden", message, new ApiException.Details(name.isEmpty() ? null : name,
                group.isEmpty() ? null : group, resource, java.util.List.of()));
    }
}
