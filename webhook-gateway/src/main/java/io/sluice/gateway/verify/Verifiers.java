package io.sluice.gateway.verify;

import io.sluice.gateway.receiver.ReceiverType;

import java.util.List;

/** Which check each Receiver type gets, as Flux's notification-controller does it. */
public final class Verifiers {

    private static final Verifier HUB_SIGNATURE = new PrefixedHmacVerifier(List.of("X-Hub-Signature-256", "X-Hub-Signature"));

    private Verifiers() {
    }

    public static Verifier forType(ReceiverType type) {
        return switch (type) {
            case GITHUB, BITBUCKET -> HUB_SIGNATURE;
            case GENERIC_HMAC -> new PrefixedHmacVerifier(List.of("X-Signature"));
            case GITLAB -> new TokenHeaderVerifier("X-Gitlab-Token");
            case HARBOR -> new TokenHeaderVerifier("Authorization");
            case NEXUS -> new HexHmacVerifier("X-Nexus-Webhook-Signature", HmacAlgorithm.SHA1);
            case GENERIC, DOCKERHUB, QUAY, ACR -> new PathOnlyVerifier();
        };
    }
}
