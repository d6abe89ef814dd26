package io.sluice.gateway.payload;

import io.sluice.gateway.verify.WebhookRequest;

/**
 * Flux types {@code generic} and {@code generic-hmac}: the body is not read (it may be anything, or empty); the
 * request only asks for the Receiver's resources to be reconciled. {@code X-Delivery-Id}, when sent, is the
 * delivery id.
 */
public record OpaquePayloads() implements PayloadParser {

    @Override
    public String eventType(WebhookRequest request) {
        return null;
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) {
        return ParsedPayload.nothing(request.header("X-Delivery-Id"));
    }
}
