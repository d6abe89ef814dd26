package io.sluice.api.meta;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A source revision written the way Flux writes it: {@code <ref>@sha1:<hex>} such as
 * {@code main@sha1:3f2a...} or {@code v1.2.3@sha1:3f2a...}; a bare commit is {@code sha1:<hex>}.
 *
 * <p>Flux's Git revisions name the algorithm so that SHA-256 repositories can be told apart; we keep
 * that, and accept {@code sha256} too.
 */
public record Revision(String ref, String algorithm, String hash) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Revision {
        if (ref != null && ref.isBlank()) {
            ref = null;
        }
        if (!"sha1".equals(algorithm) && !"sha256".equals(algorithm)) {
            throw new IllegalArgumentException("revision algorithm must be sha1 or sha256, got '" + algorithm + "'");
        }
        hash = hash == null ? "" : hash.toLowerCase(Locale.ROOT);
        int expected = "sha1".equals(algorithm) ? 40 : 64;
        if (hash.length() != expected || !HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("revision hash must be " + expected + " hex digits for " + algorithm + ", got '" + hash + "'");
        }
    }

    /** A Git commit on a branch or tag: {@code main@sha1:<sha>}. */
    public static Revision git(String ref, String sha1) {
        return new Revision(ref, "sha1", sha1);
    }

    /** Parses {@code ref@algo:hex} or {@code algo:hex}. The ref may itself contain '@' (the last one splits). */
    public static Revision parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("revision is empty; expected <ref>@sha1:<hex>");
        }
        int at = text.lastIndexOf('@');
        String ref = at < 0 ? null : text.substring(0, at);
        String digest = at < 0 ? text : text.substring(at + 1);
        int colon = digest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("revision '" + text + "' has no algorithm; expected <ref>@sha1:<hex>");
        }
        return new Revision(ref, digest.substring(0, colon), digest.substring(colon + 1));
    }

    @Override
    public String toString() {
        String digest = algorithm + ":" + hash;
        return ref == null ? digest : ref + "@" + digest;
    }
}
