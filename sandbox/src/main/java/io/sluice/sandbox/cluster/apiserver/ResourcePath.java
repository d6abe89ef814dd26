package io.sluice.sandbox.cluster.apiserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request path of the resource API, taken apart: {@code /api/v1/namespaces/default/configmaps/app}
 * or {@code /apis/apps/v1/namespaces/default/deployments/web/status}, plus its query parameters.
 *
 * @param namespace null when the path names no namespace (cluster-scoped, or a list across namespaces)
 * @param name null for collection paths
 * @param subresource null, {@code status}, {@code scale}, {@code finalize}, ...
 */
record ResourcePath(String group, String version, String namespace, String plural, String name, String subresource,
        Map<String, String> query) {

    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Empty when the path is not under {@code /api/v1} or {@code /apis/<group>/<version>}, or names no resource. */
    static Optional<ResourcePath> parse(String rawPath) {
        int questionMark = rawPath.indexOf('?');
        String path = questionMark >= 0 ? rawPath.substring(0, questionMark) : rawPath;
        Map<String, String> query = questionMark >= 0 ? query(rawPath.substring(questionMark + 1)) : Map.of();
        List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        String version;
        List<String> rest;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            rest = parts.subList(3, parts.size());
        } else {
            return Optional.empty();
        }
        if (rest.isEmpty() || rest.size() > 5) {
            return Optional.empty();
        }
        if (rest.get(0).equals("namespaces") && rest.size() >= 3 && !(rest.size() == 3
                && NAMESPACE_SUBRESOURCES.contains(rest.get(2)))) {
            // /namespaces/<ns>/<plural>[/<name>[/<subresource>]]
            return Optional.of(new ResourcePath(group, version, rest.get(1), rest.get(2), at(rest, 3), at(rest, 4), query));
        }
        if (rest.size() > 3) {
            return Optional.empty();
        }
        // /<plural>[/<name>[/<subresource>]], including /namespaces/<name>[/status]
        return Optional.of(new ResourcePath(group, version, null, rest.get(0), at(rest, 1), at(rest, 2), query));
    }

    private static String at(List<String> parts, int index) {
        return parts.size() > index ? parts.get(index) : null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals >= 0 ? pair.substring(0, equals) : pair);
            String value = equals >= 0 ? decode(pair.substring(equals + 1)) : "";
            result.put(key, value);
        }
        return Map.copyOf(result);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    Optional<String> param(String key) {
        String value = query.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    boolean flag(String key) {
        return "true".equalsIgnoreCase(query.get(key));
    }

    /** {@code dryRun=All}: validate and answer, but store nothing. */
    boolean dryRun() {
        return query.containsKey("dryRun") && !query.get("dryRun").isEmpty();
    }

    ObjectRef ref(String objectName) {
        return new ObjectRef(group, plural, namespace == null ? "" : namespace, objectName);
    }

    /** The subresource, or {@code ""} for the main resource. */
    String subresourceOrMain() {
        return subresource == null ? "" : subresource;
    }

    boolean isStatus() {
        return "status".equals(subresource);
    }

    /** Refuses a subresource other than {@code status} where only the main resource and status are served. */
    void requireMainOrStatus() {
        if (subresource != null && !isStatus()) {
            throw unknownSubresource();
        }
    }

    ApiException unknownSubresource() {
        return ApiException.notFound("the server could not find the requested resource (" + plural + "/" + name + "/"
                + subresource + " is not served by the sandbox)");
    }
}
