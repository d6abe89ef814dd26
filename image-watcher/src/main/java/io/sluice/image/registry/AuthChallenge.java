package io.sluice.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code WWW-Authenticate} challenge from a registry's 401: {@code Bearer realm="https://auth.example/token",
 * service="registry.example",scope="repository:org/app:pull"} (the token flow of the distribution spec) or
 * {@code Basic realm="Registry"}.
 *
 * @param scheme {@code bearer} or {@code basic}, lower-cased
 * @param params the auth-params, names lower-cased, values unquoted
 */
record AuthChallenge(String scheme, Map<String, String> params) {

    static AuthChallenge parse(String header) throws RegistryException {
        if (header == null || header.isBlank()) {
            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE,
                    "answered 401 Unauthorized without a WWW-Authenticate header, so there is no way to know how to log in");
        }
        String text = header.trim();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++; // closing quote
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            params.put(name, value.toString().trim());
        }
        if (!scheme.equals("bearer") && !scheme.equals("basic")) {
            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE,
                    "asks for '" + scheme + "' authentication, which is neither Bearer (the distribution token flow) nor Basic");
        }
        if (scheme.equals("bearer") && !params.containsKey("realm")) {
            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE,
                    "asks for a Bearer token but names no realm (token server) in WWW-Authenticate: " + header);
        }
        return new AuthChallenge(scheme, Map.copyOf(params));
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }
}
