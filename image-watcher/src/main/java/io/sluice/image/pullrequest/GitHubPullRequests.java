package io.sluice.image.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * GitHub's REST API: {@code GET /repos/{owner}/{repo}/pulls?head={owner}:{branch}&base=…&state=open}, then
 * {@code PATCH …/pulls/{number}} (title, body) or {@code POST …/pulls} (title, head, base, body); a Bearer token.
 */
record GitHubPullRequests(PullRequests.Api api, URI base, String repository) implements PullRequests {

    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer {token}", "X-GitHub-Api-Version", "2022-11-28");

    @Override
    public PullRequest openOrUpdate(String head, String target, String title, String description) throws PullRequestException {
        String owner = repository.substring(0, repository.indexOf('/'));
        URI pulls = URI.create(base + "/repos/" + repository + "/pulls");
        JsonNode open = api.send("GET", URI.create(pulls + "?state=open&head=" + encode(owner + ":" + head) + "&base=" + encode(target)), null, AUTH, 200,
                "listing the open pull requests of " + repository);
        if (open.isArray() && !open.isEmpty()) {
            JsonNode existing = open.get(0);
            JsonNode updated = api.send("PATCH", URI.create(pulls + "/" + existing.path("number").asLong()), Map.of("title", title, "body", description),
                    AUTH, 200, "updating pull request #" + existing.path("number").asLong() + " of " + repository);
            return new PullRequest(updated.path("html_url").asText(existing.path("html_url").asText()), false);
        }
        JsonNode created = api.send("POST", pulls, Map.of("title", title, "head", head, "base", target, "body", description), AUTH, 201,
                "opening a pull request on " + repository);
        return new PullRequest(created.path("html_url").asText(), true);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
