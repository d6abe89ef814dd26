package io.sluice.image.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The tags a scan kept (after the exclusion list), with the revision that identifies the set.
 *
 * @param tags     in the registry's order
 * @param revision the first 16 hex digits of the SHA-256 of the sorted tags, one per line: the same set of tags always
 *                 gives the same revision, whatever order the registry lists them in
 */
public record ScannedTags(List<String> tags, String revision) {

    /** Flux's {@code latestTags}: the first ten in descending alphabetical order. */
    public static final int LATEST_TAGS = 10;

    public static ScannedTags of(List<String> tags) {
        List<String> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.naturalOrder());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String tag : sorted) {
                sha256.update(tag.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            }
            return new ScannedTags(tags, HexFormat.of().formatHex(sha256.digest()).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The first {@value #LATEST_TAGS} tags in descending alphabetical order (a copy, so the list itself can go). */
    public List<String> latest() {
        return tags.stream().sorted(Comparator.reverseOrder()).limit(LATEST_TAGS).toList();
    }
}
