package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Flux's event JSON, as its generic provider POSTs it: {@code involvedObject} (kind, namespace, name),
 * {@code severity}, {@code timestamp} (RFC 3339), {@code message}, {@code reason},
 * {@code metadata} (with {@code revision}, {@code summary} and {@code commit_url} when known) and
 * {@code reportingController}.
 */
final class GenericPayload {

    private GenericPayload() {
    }

    static byte[] of(Notification n) {
        ObjectNode event = Json.object();
        ObjectNode object = event.putObject("involvedObject");
        object.put("kind", n.object().kind());
        object.put("namespace", n.object().namespace());
        object.put("name", n.object().name());
        event.put("severity", n.severity().json());
        event.put("timestamp", n.timestamp().toString());
        event.put("message", n.message());
        event.put("reason", n.reason());
        ObjectNode metadata = event.putObject("metadata");
        n.metadata().forEach(metadata::put);
        if (n.revision() != null) {
            metadata.put("revision", n.revision());
        }
        if (n.summary() != null) {
            metadata.put(Notification.SUMMARY, n.summary());
        }
        if (n.commitUrl() != null) {
            metadata.put("commit_url", n.commitUrl());
        }
        event.put("reportingController", n.reportingController());
        return Json.bytes(event);
    }
}
