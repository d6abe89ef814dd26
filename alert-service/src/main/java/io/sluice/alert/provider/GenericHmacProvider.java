package io.sluice.alert.provider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The generic payload signed with the Secret's {@code token}: header
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the exact body>}, so the receiver can check the
 * sender and that the body is unchanged.
 */
public final class GenericHmacProvider implements NotificationProvider {

    private final URI address;
    private final byte[] key;
    private final HttpDelivery http;

    GenericHmacProvider(ProviderSettings settings) throws DeliveryException {
        this.address = settings.httpAddress(null);
        this.key = settings.secret().get("token")
                .orElseThrow(() -> DeliveryException.permanent(settings.provider()
                        + ": generic-hmac needs the key 'token' in spec.secretRef to sign with"))
                .getBytes(StandardCharsets.UTF_8);
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "generic-hmac";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        byte[] body = GenericPayload.of(notification);
        http.postJson(address, body, Map.of(
                "gotk-component", notification.reportingController(),
                "X-Signature", "sha256=" + sign(key, body)));
    }

    /** Hex HMAC-SHA256 of {@code body} with {@code key}. */
    public static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
