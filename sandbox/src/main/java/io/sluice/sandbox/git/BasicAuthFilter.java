package io.sluice.sandbox.git;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Lets a request through only with {@code Authorization: Basic} carrying the one configured user and
 * password; anything else gets 401 with a challenge, which Git clients turn into "not authorized".
 */
final class BasicAuthFilter implements Filter {

    static final String REALM = "sluice-sandbox-git";

    private final String user;
    private final byte[] expected;

    BasicAuthFilter(BasicAuth auth) {
        this.user = auth.user();
        this.expected = (auth.user() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (authorized(http.getHeader("Authorization"))) {
            // The user name travels on so the receive-pack reflog names who pushed.
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getRemoteUser() {
                    return user;
                }
            }, response);
            return;
        }
        HttpServletResponse reply = (HttpServletResponse) response;
        reply.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        reply.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Wrong or missing user/password for the sandbox Git server");
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Constant time, so the sandbox does not teach bad habits.
        return MessageDigest.isEqual(given, expected);
    }
}
