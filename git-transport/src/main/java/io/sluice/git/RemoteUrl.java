package io.sluice.git;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.transport.URIish;

/**
 * {@code spec.url}, checked: http, https, ssh or file, as Flux accepts (no scp-like {@code git@host:path}).
 *
 * @param original what the spec says
 * @param forFetch the URL handed to JGit: for ssh without a user, user {@code git} as Flux does
 * @param safe     the URL for messages and logs: no password, no token
 */
public record RemoteUrl(String original, String scheme, String host, int port, String forFetch, String safe) {

    private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "file");

    public static RemoteUrl parse(String url) throws GitFetchException {
        String text = url == null ? "" : url.trim();
        if (text.isEmpty()) {
            throw new GitFetchException(GitFetchException.Failure.INVALID_URL, "spec.url is empty; set it to the repository's https://, ssh:// or file:// address");
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            String hint = text.matches("[^/@:]+@[^/:]+:.*")
                    ? "; the scp-like form is not supported, write ssh://" + text.replaceFirst(":", "/")
                    : "";
            throw new GitFetchException(GitFetchException.Failure.INVALID_URL,
                    "spec.url '" + stripUserInfo(text) + "' has no scheme; use https://, http://, ssh:// or file://" + hint);
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new GitFetchException(GitFetchException.Failure.INVALID_URL,
                    "spec.url '" + stripUserInfo(text) + "' uses scheme '" + scheme + "'; Sluice fetches over https, http, ssh and file");
        }
        URIish uri;
        try {
            uri = new URIish(text);
        } catch (URISyntaxException e) {
            throw new GitFetchException(GitFetchException.Failure.INVALID_URL, "spec.url '" + stripUserInfo(text) + "' is not a valid URL: " + e.getReason());
        }
        if (!"file".equals(scheme) && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new GitFetchException(GitFetchException.Failure.INVALID_URL, "spec.url '" + stripUserInfo(text) + "' has no host");
        }
        URIish forFetch = uri;
        if ("ssh".equals(scheme) && (uri.getUser() == null || uri.getUser().isEmpty())) {
            forFetch = uri.setUser("git");
        }
        String safe = uri.setPass(null).toString();
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(scheme);
        return new RemoteUrl(text, scheme, uri.getHost(), port, forFetch.toPrivateString(), safe);
    }

    public boolean isSsh() {
        return "ssh".equals(scheme);
    }

    public boolean isHttp() {
        return scheme.startsWith("http");
    }

    /** A fingerprint of the full URL, stored in the cache so a changed URL is noticed without writing secrets to disk. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return safe;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            case "ssh" -> 22;
            default -> -1;
        };
    }

    private static String stripUserInfo(String text) {
        return text.replaceFirst("^([a-zA-Z+.-]+://)[^/@]*@", "$1");
    }
}
