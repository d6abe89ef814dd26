package io.sluice.gateway.rest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts webhook requests: {@code sluice_webhook_requests_total{result, type}} where {@code result} is a
 * {@link WebhookOutcome#tag()} and {@code type} the Receiver type ({@code unknown} when no Receiver matched, or the
 * client was cut off before one could).
 */
@ApplicationScoped
public class WebhookMetrics {

    public static final String REQUESTS = "sluice.webhook.requests";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(WebhookOutcome outcome, String type) {
        registry.counter(REQUESTS, "result", outcome.tag(), "type", type).increment();
    }
}
