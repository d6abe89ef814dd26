package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.events.GitProvider;
import io.sluice.gateway.verify.WebhookRequest;

import java.util.List;
import java.util.Set;

/**
 * GitLab webhooks (Flux type {@code gitlab}). Event from {@code X-Gitlab-Event}; delivery id from
 * {@code Idempotency-Key} (GitLab keeps it across retries) or else {@code X-Gitlab-Event-UUID}. {@code Push Hook}
 * and {@code Tag Push Hook} give one {@link GitPush} with {@code project.git_http_url} and
 * {@code project.git_ssh_url}.
 */
public record GitLabPayloads() implements PayloadParser {

    private static final String SENDER = "GitLab";
    private static final Set<String> PUSH_EVENTS = Set.of("Push Hook", "Tag Push Hook");

    @Override
    public String eventType(WebhookRequest request) {
        return request.header("X-Gitlab-Event");
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        String deliveryId = request.firstHeader("Idempotency-Key", "X-Gitlab-Event-UUID");
        JsonNode root = Json.object(request.body(), SENDER);
        if (!PUSH_EVENTS.contains(eventType(request))) {
            return ParsedPayload.nothing(deliveryId);
        }
        String http = firstText(root, "/project/git_http_url", "/repository/git_http_url");
        String ssh = firstText(root, "/project/git_ssh_url", "/repository/git_ssh_url");
        String before = Json.text(root, "/before");
        GitPush push = new GitPush(GitProvider.GITLAB,
                Fields.cloneUrls(http, ssh, SENDER),
                Json.requiredText(root, "/ref", SENDER),
                before == null ? null : Fields.commit(before, SENDER, "before"),
                Fields.commit(Json.requiredText(root, "/after", SENDER), SENDER, "after"));
        return ParsedPayload.git(deliveryId, List.of(push));
    }

    private static String firstText(JsonNode root, String... paths) {
        for (String path : paths) {
            String text = Json.text(root, path);
            if (text != null) {
                return text;
            }
        }
        return null;
    }
}
