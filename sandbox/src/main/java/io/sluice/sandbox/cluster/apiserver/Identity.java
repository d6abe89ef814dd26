package io.sluice.sandbox.cluster.apiserver;

import java.util.List;

/**
 * Who a request comes from, after authentication and impersonation: a user name and its groups, as the real
 * server's authorizers see them.
 */
record Identity(String user, List<String> groups) {

    static final String ANONYMOUS = "system:anonymous";
    static final String AUTHENTICATED = "system:authenticated";
    static final String UNAUTHENTICATED = "system:unauthenticated";
    static final String MASTERS = "system:masters";
    private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

    /** A client without credentials (none, or a scheme the server does not check, such as Basic). */
    static final Identity ANONYMOUS_USER = new Identity(ANONYMOUS, List.of(UNAUTHENTICATED));

    Identity {
        groups = List.copyOf(groups);
    }

    boolean isMaster() {
        return groups.contains(MASTERS);
    }

    /**
     * Who an impersonating request acts as: the user named, in the groups named, plus {@code system:authenticated};
     * a service account without groups named gets {@code system:serviceaccounts} and
     * {@code system:serviceaccounts:<namespace>}, as on a real server.
     */
    static Identity impersonated(String user, List<String> groups) {
        List<String> all = new java.util.ArrayList<>(groups);
        if (all.isEmpty() && user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            String[] parts = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", 2);
            all.add("system:serviceaccounts");
            all.add("system:serviceaccounts:" + parts[0]);
        }
        if (!user.equals(ANONYMOUS) && !all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new Identity(user, all);
    }

    /** {@code namespace/name} of the service account this user is, or null. */
    String serviceAccount() {
        if (!user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return null;
        }
        String[] parts = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", 2);
        return parts.length == 2 ? parts[0] + "/" + parts[1] : null;
    }
}
