package io.sluice.alert.dedupe;

import java.util.regex.Pattern;

/**
 * Removes the parts of an event message that change from one reconciliation to the next although
 * nothing else did, so that "the same event" compares equal. Flux's own key includes them, which is
 * why its users get the same failure every interval.
 *
 * <p>Replaced, in this order:
 * <ol>
 *   <li>timestamps (RFC 3339 / ISO 8601, with or without fraction and zone, {@code T} or space) → {@code <time>};</li>
 *   <li>UUIDs ({@code 8-4-4-4-12} hex, e.g. object UIDs, request ids) → {@code <uuid>};</li>
 *   <li>Go durations ({@code 1.234s}, {@code 12ms}, {@code 2m30s}, {@code 1h0m0s}, {@code 350µs}) → {@code <duration>};</li>
 *   <li>runs of white space → one space.</li>
 * </ol>
 * Kept on purpose: hex digests and commit SHAs (a new revision or image digest is a real change and
 * must be notified), object names (including generated suffixes), numbers that are not durations
 * (counts such as "3 objects" differ when the change differs), and IP addresses.
 */
public final class MessageNormalizer {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}|\\b)");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    // one or more number+unit pairs, not glued to letters or digits on either side ("v1.2s3" is not one)
    private static final Pattern DURATION = Pattern.compile(
            "(?<![\\w.])(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+(?!\\w|\\.\\d)");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private MessageNormalizer() {
    }

    public static String normalize(String message) {
        String result = TIMESTAMP.matcher(message).replaceAll("<time>");
        result = UUID.matcher(result).replaceAll("<uuid>");
        result = DURATION.matcher(result).replaceAll("<duration>");
        return SPACE.matcher(result).replaceAll(" ").strip();
    }
}
