package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.verify.WebhookRequest;

import java.util.List;

/**
 * Docker Hub webhooks (Flux type {@code dockerhub}): one {@link ImagePush} to {@code docker.io} with
 * {@code repository.repo_name} (official images get {@code library/}) and {@code push_data.tag}. The
 * {@code callback_url} is unique per delivery and serves as its id.
 */
public record DockerHubPayloads() implements PayloadParser {

    private static final String SENDER = "Docker Hub";
    static final String REGISTRY = "docker.io";

    @Override
    public String eventType(WebhookRequest request) {
        return null;
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        JsonNode root = Json.object(request.body(), SENDER);
        String repository = Json.requiredText(root, "/repository/repo_name", SENDER);
        String tag = Json.requiredText(root, "/push_data/tag", SENDER);
        if (!repository.contains("/")) {
            repository = "library/" + repository;
        }
        return ParsedPayload.images(Json.text(root, "/callback_url"), List.of(new ImagePush(REGISTRY, repository, tag, null)));
    }
}
