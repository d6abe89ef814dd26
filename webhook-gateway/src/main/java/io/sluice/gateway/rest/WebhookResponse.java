package io.sluice.gateway.rest;

/**
 * The answer to one webhook: outcome and a one-line plain-text body that says what happened (never a secret or
 * the request body).
 */
public record WebhookResponse(WebhookOutcome outcome, String message) {
}
