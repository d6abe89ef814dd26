package io.sluice.api.events;

/**
 * The URLs a repository can be cloned from, as the Git host's webhook reported them. At least one is
 * present; {@link #key()} is the same whichever one is used (see {@link RepoUrl#normalize}).
 *
 * @param http the HTTP(S) clone URL, e.g. {@code https://github.com/org/repo.git}; may be null
 * @param ssh  the SSH clone URL, e.g. {@code git@github.com:org/repo.git}; may be null
 */
public record CloneUrls(String http, String ssh) {

    public CloneUrls {
        http = Require.optionalText(http);
        ssh = Require.optionalText(ssh);
        if (http == null && ssh == null) {
            throw new IllegalArgumentException("GitPushed.repository needs an http or an ssh clone URL, got neither");
        }
        // Validate now, so a bad URL is rejected where the event is made, not where it is consumed.
        if (http != null) {
            RepoUrl.normalize(http);
        }
        if (ssh != null) {
            RepoUrl.normalize(ssh);
        }
    }

    /** The normalized repository key: the record key of {@link GitPushed} events. */
    public String key() {
        return RepoUrl.normalize(http != null ? http : ssh);
    }
}
