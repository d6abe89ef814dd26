package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.events.Digest;
import io.sluice.gateway.verify.WebhookRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Harbor webhooks in Harbor's default JSON format (Flux type {@code harbor}). A {@code PUSH_ARTIFACT} gives one
 * {@link ImagePush} per entry of {@code event_data.resources}: registry host from its {@code resource_url}
 * ({@code harbor.example.com/library/app:1.0}), repository from {@code event_data.repository.repo_full_name},
 * {@code tag} and {@code digest}. Other event types publish nothing but still request reconciliation, as in Flux.
 * Harbor sends no delivery id; the SHA-256 of the body stands in for one (it contains {@code occur_at}, so a
 * redelivery has the same id and a new push a new one).
 */
public record HarborPayloads() implements PayloadParser {

    private static final String SENDER = "Harbor";

    @Override
    public String eventType(WebhookRequest request) {
        return null;
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        byte[] body = request.body();
        JsonNode root = Json.object(body, SENDER);
        String deliveryId = "harbor-" + Digest.sha256(body).hex();
        if (!"PUSH_ARTIFACT".equals(Json.text(root, "/type"))) {
            return ParsedPayload.nothing(deliveryId);
        }
        String repository = Json.requiredText(root, "/event_data/repository/repo_full_name", SENDER);
        JsonNode resources = root.at("/event_data/resources");
        if (!resources.isArray() || resources.isEmpty()) {
            throw new MalformedPayloadException(SENDER + " payload has no event_data.resources");
        }
        List<ImagePush> pushes = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            String where = "event_data.resources[" + i + "]";
            String url = Json.text(resource, "/resource_url");
            if (url == null) {
                throw new MalformedPayloadException(SENDER + " payload has no " + where + ".resource_url");
            }
            String registry = Fields.registryAndRepository(url, SENDER, where + ".resource_url").registry();
            Digest digest = Fields.digest(Json.text(resource, "/digest"), SENDER, where + ".digest");
            String tag = Json.text(resource, "/tag");
            if (tag == null && digest == null) {
                throw new MalformedPayloadException(SENDER + " payload has neither a tag nor a digest in " + where);
            }
            pushes.add(new ImagePush(registry, repository, tag, digest));
        }
        return ParsedPayload.images(deliveryId, pushes);
    }
}
