package io.sluice.gateway.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A header that must carry the token itself: GitLab's {@code X-Gitlab-Token}, Harbor's {@code Authorization}
 * (the "Auth Header" configured in Harbor). Compared in constant time.
 */
public record TokenHeaderVerifier(String header) implements Verifier {

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        String value = request.header(header);
        if (value == null) {
            throw new VerificationException("missing " + header + " header");
        }
        if (!MessageDigest.isEqual(token, value.getBytes(StandardCharsets.UTF_8))) {
            throw new VerificationException(header + " does not match the Receiver's token");
        }
    }
}
