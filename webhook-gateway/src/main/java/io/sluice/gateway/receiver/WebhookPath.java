package io.sluice.gateway.receiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The path a Receiver is served at, computed exactly as Flux's notification-controller does
 * ({@code Receiver.GetWebhookPath}): {@code /hook/} + the lower-case hex SHA-256 of the UTF-8 bytes of
 * {@code token + name + namespace}. Keeping the formula means a Git host configured for Flux keeps working.
 */
public final class WebhookPath {

    /** Every Receiver path starts with this. */
    public static final String PREFIX = "/hook/";

    private WebhookPath() {
    }

    public static String of(String token, String name, String namespace) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((token + name + namespace).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
