package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.verify.WebhookRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Quay "Repository Push" notifications (Flux type {@code quay}): registry and repository from
 * {@code docker_url} ({@code quay.io/ns/repo}), one {@link ImagePush} per entry of {@code updated_tags}. Quay sends
 * no delivery id, so its deliveries are never de-duplicated (two pushes of the same tag have the same body).
 */
public record QuayPayloads() implements PayloadParser {

    private static final String SENDER = "Quay";

    @Override
    public String eventType(WebhookRequest request) {
        return null;
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        JsonNode root = Json.object(request.body(), SENDER);
        Fields.ImageName image = Fields.registryAndRepository(Json.requiredText(root, "/docker_url", SENDER), SENDER, "docker_url");
        JsonNode tags = root.path("updated_tags");
        if (!tags.isArray()) {
            throw new MalformedPayloadException(SENDER + " payload has no updated_tags list");
        }
        List<ImagePush> pushes = new ArrayList<>();
        for (JsonNode tag : tags) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                pushes.add(new ImagePush(image.registry(), image.repository(), tag.asText(), null));
            }
        }
        return ParsedPayload.images(null, pushes);
    }
}
