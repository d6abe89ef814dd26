package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.events.Digest;
import io.sluice.gateway.verify.WebhookRequest;

import java.util.List;

/**
 * Azure Container Registry webhooks (Flux type {@code acr}). Action {@code push} gives one {@link ImagePush}:
 * registry {@code request.host}, repository {@code target.repository}, {@code target.tag},
 * {@code target.digest}. The event's {@code id} is the delivery id.
 */
public record AcrPayloads() implements PayloadParser {

    private static final String SENDER = "ACR";

    @Override
    public String eventType(WebhookRequest request) {
        return null;
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        JsonNode root = Json.object(request.body(), SENDER);
        String deliveryId = Json.text(root, "/id");
        if (!"push".equals(Json.text(root, "/action"))) {
            return ParsedPayload.nothing(deliveryId);
        }
        String registry = Json.requiredText(root, "/request/host", SENDER);
        String repository = Json.requiredText(root, "/target/repository", SENDER);
        String tag = Json.text(root, "/target/tag");
        Digest digest = Fields.digest(Json.text(root, "/target/digest"), SENDER, "target.digest");
        if (tag == null && digest == null) {
            throw new MalformedPayloadException(SENDER + " payload has neither target.tag nor target.digest");
        }
        return ParsedPayload.images(deliveryId, List.of(new ImagePush(registry, repository, tag, digest)));
    }
}
