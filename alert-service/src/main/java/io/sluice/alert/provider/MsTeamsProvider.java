package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.events.Severity;

import java.net.URI;
import java.util.Map;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook, the current way (the Office 365
 * connectors' MessageCard is retired): a {@code message} carrying one Adaptive Card 1.4 with a
 * title, the message and a FactSet of revision, commit and metadata.
 */
public final class MsTeamsProvider implements NotificationProvider {

    private final URI address;
    private final HttpDelivery http;

    MsTeamsProvider(ProviderSettings settings) throws DeliveryException {
        this.address = settings.httpAddress(null);
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "msteams";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        http.postJson(address, Json.bytes(payload(notification)), Map.of());
    }

    static ObjectNode payload(Notification n) {
        ObjectNode message = Json.object();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock");
        title.put("text", MessageFormat.title(n));
        title.put("weight", "bolder");
        title.put("size", "medium");
        title.put("wrap", true);
        title.put("color", n.severity() == Severity.ERROR ? "attention" : "good");
        if (n.summary() != null) {
            ObjectNode summary = body.addObject();
            summary.put("type", "TextBlock");
            summary.put("text", n.summary());
            summary.put("wrap", true);
        }
        ObjectNode text = body.addObject();
        text.put("type", "TextBlock");
        text.put("text", n.message());
        text.put("wrap", true);
        ObjectNode factSet = body.addObject();
        factSet.put("type", "FactSet");
        ArrayNode facts = factSet.putArray("facts");
        fact(facts, "object", n.object().subject());
        if (n.revision() != null) {
            fact(facts, "revision", n.revision());
        }
        if (n.commitUrl() != null) {
            fact(facts, "commit", n.commitUrl());
        }
        n.metadata().forEach((k, v) -> fact(facts, k, v));
        return message;
    }

    private static void fact(ArrayNode facts, String title, String value) {
        ObjectNode fact = facts.addObject();
        fact.put("title", title);
        fact.put("value", value);
    }
}
