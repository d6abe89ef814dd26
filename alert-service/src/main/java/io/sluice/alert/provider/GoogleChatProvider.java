package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;

/**
 * Google Chat incoming webhooks: a {@code text} fallback plus one card with the object as header,
 * the message as a paragraph and key/value widgets for revision, commit and metadata.
 */
public final class GoogleChatProvider implements NotificationProvider {

    private final URI address;
    private final HttpDelivery http;

    GoogleChatProvider(ProviderSettings settings) throws DeliveryException {
        this.address = settings.httpAddress(null);
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "googlechat";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        http.postJson(address, Json.bytes(payload(notification)), Map.of());
    }

    static ObjectNode payload(Notification n) {
        ObjectNode message = Json.object();
        message.put("text", MessageFormat.title(n));
        ObjectNode card = message.putArray("cards").addObject();
        ObjectNode header = card.putObject("header");
        header.put("title", n.object().subject());
        header.put("subtitle", n.severity().json() + ": " + n.reason());
        ArrayNode sections = card.putArray("sections");
        ArrayNode text = sections.addObject().putArray("widgets");
        text.addObject().putObject("textParagraph").put("text", n.summary() == null ? n.message() : n.summary() + "\n" + n.message());
        ArrayNode facts = sections.addObject().putArray("widgets");
        if (n.revision() != null) {
            keyValue(facts, "revision", n.revision());
        }
        if (n.commitUrl() != null) {
            keyValue(facts, "commit", n.commitUrl());
        }
        n.metadata().forEach((k, v) -> keyValue(facts, k, v));
        return message;
    }

    private static void keyValue(ArrayNode widgets, String label, String value) {
        ObjectNode kv = widgets.addObject().putObject("keyValue");
        kv.put("topLabel", label);
        kv.put("content", value);
    }
}
