package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A content digest written the OCI way, {@code sha256:<hex>}, as Flux writes artifact digests. In JSON it
 * is that one string.
 *
 * @param algorithm {@code sha256}, {@code sha384} or {@code sha512}
 * @param hex       the lower-case hex digest, of the length the algorithm gives
 */
public record Digest(String algorithm, String hex) {

    private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Digest {
        Integer length = algorithm == null ? null : HEX_LENGTHS.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("digest algorithm must be sha256, sha384 or sha512, got '" + algorithm + "'");
        }
        hex = hex == null ? "" : hex.toLowerCase(Locale.ROOT);
        if (hex.length() != length || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a " + algorithm + " digest has " + length + " hex digits, got '" + hex + "'");
        }
    }

    /** Parses {@code sha256:<hex>}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Digest parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("digest is empty; expected sha256:<64 hex digits>");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("digest '" + text + "' has no algorithm; expected sha256:<64 hex digits>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The SHA-256 digest of some bytes. */
    public static Digest sha256(byte[] content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return new Digest("sha256", HexFormat.of().formatHex(md.digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    /** True when {@code content} has this digest; use it to check a downloaded artifact before trusting it. */
    public boolean matches(byte[] content) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-"));
            return MessageDigest.isEqual(md.digest(content), HexFormat.of().parseHex(hex));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
