package io.sluice.sandbox.cluster.apiserver;

import java.util.List;
import java.util.Optional;

/**
 * The options of a LIST or watch ({@code ListOptions} on a real server), read from the query and checked as the
 * real server checks them: numbers that do not parse are a 400 in Go's words, {@code resourceVersionMatch}
 * without {@code resourceVersion} and {@code sendInitialEvents} (a feature gate v1.28 keeps off) are 422.
 *
 * @param limit 0 for no paging
 * @param resourceVersion empty when not given
 * @param timeoutSeconds of a watch, empty when not given
 */
record ListQuery(long limit, Optional<ContinueToken> continueToken, String resourceVersion,
        String resourceVersionMatch, Optional<Long> timeoutSeconds, boolean bookmarks) {

    private static final List<String> MATCHES = List.of("", "NotOlderThan", "Exact");

    static ListQuery of(ResourcePath path) {
        long limit = number(path, "limit").orElse(0L);
        Optional<Long> timeout = number(path, "timeoutSeconds");
        String version = path.query().getOrDefault("resourceVersion", "");
        String match = path.query().getOrDefault("resourceVersionMatch", "");
        if (path.query().containsKey("sendInitialEvents")) {
            throw ApiException.invalidOptions("ListOptions", new ApiException.Cause("FieldValueForbidden",
                    "Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled",
                    "sendInitialEvents"));
        }
        if (!match.isEmpty() && version.isEmpty()) {
            throw ApiException.invalidOptions("ListOptions", new ApiException.Cause("FieldValueForbidden",
                    "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided",
                    "resourceVersionMatch"));
        }
        if (!MATCHES.contains(match)) {
            throw ApiException.invalidOptions("ListOptions", new ApiException.Cause("FieldValueNotSupported",
                    "Unsupported value: \"" + match + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"",
                    "resourceVersionMatch"));
        }
        Optional<ContinueToken> token = path.param("continue").map(ContinueToken::decode);
        if (token.isPresent() && !version.isEmpty() && !version.equals("0")) {
            throw ApiException.badRequest("specifying resource version is not allowed when using continue");
        }
        return new ListQuery(limit, token, version, match, timeout, path.flag("allowWatchBookmarks"));
    }

    /**
     * The resourceVersion a LIST at {@code current} answers with, or the real server's refusal: a version the store
     * has not reached is a 504 after the server waited for it (the sandbox does not wait, nothing else writes); an
     * exact older version is a 410 (the sandbox keeps no old snapshots).
     */
    long listVersion(long current) {
        if (continueToken.isPresent()) {
            return continueToken.get().resourceVersion();
        }
        if (resourceVersion.isEmpty() || resourceVersion.equals("0")) {
            return current;
        }
        long wanted = version(resourceVersion);
        if (wanted > current) {
            throw tooLarge(wanted, current);
        }
        if (resourceVersionMatch.equals("Exact") && wanted < current) {
            throw ApiException.gone("The resourceVersion for the provided list is too old.");
        }
        return current;
    }

    /** A GET with a resourceVersion the store has not reached: 504, as from a real server. */
    static void checkGet(ResourcePath path, long current) {
        String given = path.query().getOrDefault("resourceVersion", "");
        if (!given.isEmpty() && !given.equals("0") && version(given) > current) {
            throw tooLarge(version(given), current);
        }
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version \"" + text + "\"");
        }
    }

    private static ApiException tooLarge(long wanted, long current) {
        return new ApiException(504, "Timeout", "Timeout: Too large resource version: " + wanted + ", current: " + current,
                new ApiException.Details(null, null, null, List.of(new ApiException.Cause("ResourceVersionTooLarge",
                        "Too large resource version", null)))).withRetryAfter(1);
    }

    private static Optional<Long> number(ResourcePath path, String name) {
        String text = path.query().get(name);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strconv.ParseInt: parsing \"" + text + "\": invalid syntax");
        }
    }
}
