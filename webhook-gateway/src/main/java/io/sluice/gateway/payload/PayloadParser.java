package io.sluice.gateway.payload;

import io.sluice.gateway.verify.WebhookRequest;

/**
 * Reads one sender's webhooks. {@link #eventType} comes from a header and is checked against
 * {@code spec.events} before the body is parsed; {@link #parse} runs only on requests that passed verification.
 */
public sealed interface PayloadParser
        permits GitHubPayloads, GitLabPayloads, BitbucketPayloads, HarborPayloads, DockerHubPayloads, QuayPayloads,
        NexusPayloads, AcrPayloads, OpaquePayloads {

    /** The event the sender declared in a header ({@code push}, {@code Push Hook}, …), or null. */
    String eventType(WebhookRequest request);

    /**
     * True for a sender's connection test (GitHub's {@code ping}, Bitbucket Server's {@code diagnostics:ping}):
     * answered 200 once verified, publishing nothing.
     */
    default boolean isPing(WebhookRequest request) {
        return false;
    }

    ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException;
}
