package io.sluice.image.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * GitLab's REST API (v4): {@code GET /projects/{path}/merge_requests?state=opened&source_branch=…&target_branch=…}, then
 * {@code PUT …/merge_requests/{iid}} (title, description) or {@code POST …/merge_requests} (source_branch,
 * target_branch, title, description, remove_source_branch); the token in {@code PRIVATE-TOKEN}.
 */
record GitLabMergeRequests(PullRequests.Api api, URI base, String repository) implements PullRequests {

    private static final Map<String, String> AUTH = Map.of("PRIVATE-TOKEN", "{token}");

    @Override
    public PullRequest openOrUpdate(String head, String target, String title, String description) throws PullRequestException {
        URI requests = URI.create(base + "/projects/" + URLEncoder.encode(repository, StandardCharsets.UTF_8) + "/merge_requests");
        JsonNode open = api.send("GET", URI.create(requests + "?state=opened&source_branch=" + encode(head) + "&target_branch=" + encode(target)),
                null, AUTH, 200, "listing the open merge requests of " + repository);
        if (open.isArray() && !open.isEmpty()) {
            JsonNode existing = open.get(0);
            JsonNode updated = api.send("PUT", URI.create(requests + "/" + existing.path("iid").asLong()), Map.of("title", title, "description", description),
                    AUTH, 200, "updating merge request !" + existing.path("iid").asLong() + " of " + repository);
            return new PullRequest(updated.path("web_url").asText(existing.path("web_url").asText()), false);
        }
        JsonNode created = api.send("POST", requests, Map.of("source_branch", head, "target_branch", target, "title", title,
                "description", description, "remove_source_branch", true), AUTH, 201, "opening a merge request on " + repository);
        return new PullRequest(created.path("web_url").asText(), true);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
