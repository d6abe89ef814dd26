package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.events.GitProvider;
import io.sluice.gateway.verify.WebhookRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GitHub, Gitea and Forgejo webhooks (Flux type {@code github}). Event from {@code X-GitHub-Event} (Gitea and
 * Forgejo send it too, beside their own {@code X-Gitea-Event} / {@code X-Forgejo-Event}, which mark the provider
 * as {@code gitea}); delivery id from {@code X-GitHub-Delivery}, {@code X-Gitea-Delivery} or
 * {@code X-Forgejo-Delivery}. A {@code push} gives one {@link GitPush} with {@code repository.clone_url} and
 * {@code repository.ssh_url}. Bodies sent as {@code application/x-www-form-urlencoded} carry the JSON in the
 * {@code payload} field, as GitHub documents.
 */
public record GitHubPayloads() implements PayloadParser {

    private static final String SENDER = "GitHub";

    @Override
    public String eventType(WebhookRequest request) {
        return request.firstHeader("X-GitHub-Event", "X-Gitea-Event", "X-Forgejo-Event");
    }

    @Override
    public boolean isPing(WebhookRequest request) {
        return "ping".equals(eventType(request));
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        String deliveryId = request.firstHeader("X-GitHub-Delivery", "X-Gitea-Delivery", "X-Forgejo-Delivery");
        JsonNode root = Json.object(jsonBody(request), SENDER);
        if (!"push".equals(eventType(request))) {
            return ParsedPayload.nothing(deliveryId);
        }
        GitProvider provider = request.firstHeader("X-Gitea-Event", "X-Forgejo-Event") != null ? GitProvider.GITEA : GitProvider.GITHUB;
        String ref = Json.requiredText(root, "/ref", SENDER);
        String before = Json.text(root, "/before");
        String after = Json.requiredText(root, "/after", SENDER);
        GitPush push = new GitPush(provider,
                Fields.cloneUrls(Json.text(root, "/repository/clone_url"), Json.text(root, "/repository/ssh_url"), SENDER),
                ref,
                before == null ? null : Fields.commit(before, SENDER, "before"),
                Fields.commit(after, SENDER, "after"));
        return ParsedPayload.git(deliveryId, List.of(push));
    }

    private static byte[] jsonBody(WebhookRequest request) throws MalformedPayloadException {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return request.body();
        }
        String form = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            if (pair.startsWith("payload=")) {
                try {
                    return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new MalformedPayloadException(SENDER + " form body has a badly encoded payload field");
                }
            }
        }
        throw new MalformedPayloadException(SENDER + " form body has no payload field");
    }
}
