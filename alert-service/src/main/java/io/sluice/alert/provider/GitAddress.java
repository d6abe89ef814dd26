package io.sluice.alert.provider;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git repository address as a commit-status Provider's {@code spec.address} gives it, split the way
 * Flux's notification-controller splits it: the web base ({@code https://host[:port]}; {@code ssh} and
 * scp-like addresses become {@code https}) and the repository path without a leading slash or a
 * trailing {@code .git} ({@code org/repo}, or {@code group/subgroup/repo} on GitLab).
 *
 * @param scheme {@code https} or {@code http}
 * @param host   host name, with the port when one was given ({@code git.example.com:8443})
 * @param path   e.g. {@code org/repo}
 */
public record GitAddress(String scheme, String host, String path) {

    // scheme://[user@]host[:port]/path  or  [user@]host:path (scp-like)
    private static final Pattern URL_FORM = Pattern.compile("^([a-z][a-z0-9+.-]*)://(?:[^@/]+@)?([^/]+)/(.+)$");
    private static final Pattern SCP_FORM = Pattern.compile("^(?:[^@/]+@)?([^/:]+):(.+)$");

    /**
     * @param where names the field in error messages, e.g. {@code Provider/flux-system/github: spec.address}
     * @throws IllegalArgumentException when the address is not a repository URL
     */
    public static GitAddress parse(String address, String where) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException(where + " is empty; set it to the repository URL, e.g. https://github.com/org/repo");
        }
        String text = address.trim();
        String scheme;
        String host;
        String path;
        Matcher url = URL_FORM.matcher(text);
        Matcher scp = SCP_FORM.matcher(text);
        if (url.matches()) {
            scheme = url.group(1).toLowerCase(Locale.ROOT);
            host = url.group(2);
            path = url.group(3);
            if (scheme.equals("ssh") || scheme.equals("git+ssh")) {
                // an SSH clone URL: the API is on the same host over HTTPS, without the SSH port
                scheme = "https";
                host = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            }
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException(where + " has the scheme '" + scheme + "'; use https://host/org/repo");
            }
        } else if (scp.matches() && !text.contains("://")) {
            scheme = "https";
            host = scp.group(1);
            path = scp.group(2);
        } else {
            throw new IllegalArgumentException(where + " is not a repository URL; use https://host/org/repo");
        }
        path = path.replaceAll("^/+", "").replaceAll("/+$", "");
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException(where + " names no repository; use https://host/org/repo");
        }
        URI.create(scheme + "://" + host + "/"); // rejects hosts that are not valid in a URL
        return new GitAddress(scheme, host.toLowerCase(Locale.ROOT), path);
    }

    /** {@code scheme://host[:port]} */
    public String base() {
        return scheme + "://" + host;
    }
}
