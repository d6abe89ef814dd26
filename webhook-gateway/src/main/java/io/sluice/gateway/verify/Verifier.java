package io.sluice.gateway.verify;

/**
 * Checks that a webhook request comes from the holder of the Receiver's token. Each Receiver type has one
 * ({@link Verifiers#forType}); every comparison of secret material is constant-time
 * ({@link java.security.MessageDigest#isEqual}).
 */
public sealed interface Verifier permits PrefixedHmacVerifier, HexHmacVerifier, TokenHeaderVerifier, PathOnlyVerifier {

    /**
     * @param request the request as received
     * @param token   the Receiver's token (the Secret's {@code token} key), UTF-8 bytes
     * @throws VerificationException when the request is not authentic, with a one-line reason
     */
    void verify(WebhookRequest request, byte[] token) throws VerificationException;
}
