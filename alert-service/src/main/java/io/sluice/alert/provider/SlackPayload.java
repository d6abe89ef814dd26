package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.events.Severity;

import java.util.Locale;

/**
 * Slack's message with one legacy attachment, the shape Flux sends (and Discord's {@code /slack}
 * endpoint understands): colour {@code good}/{@code danger}, author {@code kind/name.namespace},
 * the message as text, and one field per revision, commit and metadata entry.
 */
final class SlackPayload {

    private SlackPayload() {
    }

    static ObjectNode of(Notification n, String channel, String username) {
        ObjectNode payload = Json.object();
        if (channel != null) {
            payload.put("channel", channel);
        }
        if (username != null) {
            payload.put("username", username);
        }
        // top-level text is what Slack shows in push notifications and what chat.postMessage requires
        payload.put("text", MessageFormat.title(n));
        ObjectNode attachment = payload.putArray("attachments").addObject();
        attachment.put("color", n.severity() == Severity.ERROR ? "danger" : "good");
        attachment.put("author_name", n.object().kind().toLowerCase(Locale.ROOT) + "/" + n.object().name()
                + "." + n.object().namespace());
        attachment.put("title", n.summary() != null ? n.summary() : n.reason());
        attachment.put("text", n.message());
        attachment.putArray("mrkdwn_in").add("text");
        ArrayNode fields = attachment.putArray("fields");
        field(fields, "reason", n.reason());
        if (n.revision() != null) {
            field(fields, "revision", n.revision());
        }
        if (n.commitUrl() != null) {
            field(fields, "commit", n.commitUrl());
        }
        n.metadata().forEach((k, v) -> field(fields, k, v));
        return payload;
    }

    private static void field(ArrayNode fields, String title, String value) {
        ObjectNode field = fields.addObject();
        field.put("title", title);
        field.put("value", value);
        field.put("short", false);
    }
}
