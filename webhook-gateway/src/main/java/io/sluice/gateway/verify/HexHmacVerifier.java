package io.sluice.gateway.verify;

/**
 * HMAC signature in a header as bare hex with a fixed algorithm: Nexus Repository Manager's
 * {@code X-Nexus-Webhook-Signature}, an HMAC-SHA1 of the body keyed with the webhook's secret key.
 */
public record HexHmacVerifier(String header, HmacAlgorithm algorithm) implements Verifier {

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        String value = request.header(header);
        if (value == null) {
            throw new VerificationException("missing signature header " + header);
        }
        Signatures.check(header, algorithm, value, token, request.bodyUnsafe());
    }
}
