package io.sluice.gateway.verify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** The HMAC hash functions webhook senders use, by the prefix they write ({@code sha256=<hex>}). */
public enum HmacAlgorithm {
    SHA1("sha1", "HmacSHA1"),
    SHA256("sha256", "HmacSHA256"),
    SHA512("sha512", "HmacSHA512");

    private final String prefix;
    private final String jcaName;

    HmacAlgorithm(String prefix, String jcaName) {
        this.prefix = prefix;
        this.jcaName = jcaName;
    }

    public String prefix() {
        return prefix;
    }

    public static Optional<HmacAlgorithm> fromPrefix(String prefix) {
        return Arrays.stream(values()).filter(a -> a.prefix.equals(prefix)).findFirst();
    }

    /** HMAC of {@code body} keyed with {@code key}. */
    public byte[] sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(jcaName);
            // An empty key is refused by SecretKeySpec; Receivers with an empty token never become Ready, so a
            // one-byte zero key here only guards against a crash and never matches a real signature.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, jcaName));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("this JVM cannot compute " + jcaName + ", which every Java platform must provide", e);
        }
    }
}
