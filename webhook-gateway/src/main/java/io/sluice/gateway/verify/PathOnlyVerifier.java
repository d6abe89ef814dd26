package io.sluice.gateway.verify;

/**
 * No check beyond the secret path itself, as Flux does for {@code generic}, {@code dockerhub}, {@code quay} and
 * {@code acr}: those senders cannot sign, so knowing the path (which contains a hash of the token) is the proof.
 */
public record PathOnlyVerifier() implements Verifier {

    @Override
    public void verify(WebhookRequest request, byte[] token) {
        // The path matched a Receiver: nothing more to check.
    }
}
