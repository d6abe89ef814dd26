package io.sluice.gateway.rest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts webhook requests: {@code sluice_webhook_requests_total{result, type}} where {@code result} is a
 * {@link WebhookOutcome#tag()} and {@code type} the Receiver type ({@code unknown} when no Receiver matched); and
 * clients cut off before their request reached a Receiver: {@code sluice_webhook_clients_cut_total{reason}}, where
 * {@code reason} is a {@link ClientCut#tag()}.
 */
@ApplicationScoped
public class WebhookMetrics {

    public static final String REQUESTS = "sluice.webhook.requests";
    public static final String CLIENTS_CUT = "sluice.webhook.clients.cut";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(WebhookOutcome outcome, String type) {
        registry.counter(REQUESTS, "result", outcome.tag(), "type", type).increment();
    }

    public void clientCut(ClientCut cut) {
        registry.counter(CLIENTS_CUT, "reason", cut.tag()).increment();
    }
}
