package io.sluice.sandbox.cluster.apiserver;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Authentication and impersonation, as a real server does them. A bearer token must be the sandbox's (the one in
 * its kubeconfig and client configuration): it authenticates the sandbox's administrator, in {@code system:masters};
 * any other token is a 401 {@code Unauthorized}. A request with no credentials, or credentials of a kind the server
 * does not check (Basic), is {@code system:anonymous}. {@code Impersonate-User} and {@code Impersonate-Group} then
 * make the request act as that user and those groups, if the requester may impersonate them (RBAC verb
 * {@code impersonate} on users, groups or serviceaccounts).
 */
final class Authenticator {

    /** The user the sandbox's token authenticates. */
    static final String ADMIN = "sluice-sandbox-admin";

    private final byte[] token;

    Authenticator(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws ApiException 401 for a bearer token that is not the sandbox's
     */
    Identity authenticate(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Identity.ANONYMOUS_USER;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiException(401, "Unauthorized", "Unauthorized", null);
        }
        return new Identity(ADMIN, List.of(Identity.MASTERS, Identity.AUTHENTICATED));
    }

    /** The impersonation a request asks for, as the attributes an authorizer checks (empty when it asks for none). */
    static List<RequestAttributes> impersonations(RecordedRequest request) {
        List<RequestAttributes> checks = new ArrayList<>();
        String user = request.getHeader("Impersonate-User");
        if (user != null && !user.isEmpty()) {
            String serviceAccount = new Identity(user, List.of()).serviceAccount();
            if (serviceAccount != null) {
                String[] parts = serviceAccount.split("/", 2);
                checks.add(new RequestAttributes("impersonate", "", "serviceaccounts", "", parts[0], parts[1], null));
            } else {
                checks.add(new RequestAttributes("impersonate", "", "users", "", "", user, null));
            }
        }
        for (String group : groups(request)) {
            checks.add(new RequestAttributes("impersonate", "", "groups", "", "", group, null));
        }
        return checks;
    }

    /**
     * Who the request acts as once its impersonation is allowed.
     *
     * @throws ApiException 500 for groups without a user, as a real server answers
     */
    static Identity impersonated(RecordedRequest request, Identity requester) {
        String user = request.getHeader("Impersonate-User");
        List<String> groups = groups(request);
        if (user == null || user.isEmpty()) {
            if (!groups.isEmpty()) {
                throw new ApiException(500, "InternalError", "Internal error occurred: requested " + groups
                        + " without impersonating a user", null);
            }
            return requester;
        }
        return Identity.impersonated(user, groups);
    }

    private static List<String> groups(RecordedRequest request) {
        List<String> groups = new ArrayList<>();
        List<String> values = request.getHeaders().headers("Impersonate-Group");
        if (values != null) {
            values.stream().filter(g -> !g.isEmpty()).forEach(groups::add);
        }
        return groups;
    }
}
