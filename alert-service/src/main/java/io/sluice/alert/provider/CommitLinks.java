package io.sluice.alert.provider;

import io.sluice.api.meta.Revision;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web page of a revision's commit, for sources hosted on GitHub or GitLab (also self-hosted ones
 * whose host name contains "github" or "gitlab"). Accepts the URL forms a GitRepository uses:
 * {@code https://github.com/org/repo(.git)}, {@code ssh://git@github.com/org/repo.git} and
 * {@code git@github.com:org/repo.git}.
 */
public final class CommitLinks {

    // scheme://[user@]host[:port]/path  or  user@host:path (scp-like)
    private static final Pattern URL = Pattern.compile("^(?:[a-z+]+://)?(?:[^@/]+@)?([^/:]+)(?::\\d+)?[/:](.+?)(?:\\.git)?/?$");

    private CommitLinks() {
    }

    public static Optional<String> of(String sourceUrl, String revision) {
        if (sourceUrl == null || revision == null || revision.isBlank()) {
            return Optional.empty();
        }
        String sha;
        try {
            sha = Revision.parse(revision).hash();
        } catch (IllegalArgumentException notAGitRevision) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(sourceUrl.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        String path = m.group(2);
        if (host.contains("github")) {
            return Optional.of("https://" + host + "/" + path + "/commit/" + sha);
        }
        if (host.contains("gitlab")) {
            return Optional.of("https://" + host + "/" + path + "/-/commit/" + sha);
        }
        return Optional.empty();
    }
}
