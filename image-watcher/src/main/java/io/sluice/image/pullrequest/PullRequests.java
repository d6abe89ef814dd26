package io.sluice.image.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a pull request (GitHub) or merge request (GitLab) for a branch, or updates the one already open for it, through
 * the host's REST API. One per provider; a closed set, so a switch names them all.
 */
public sealed interface PullRequests permits GitHubPullRequests, GitLabMergeRequests {

    /** The request opened or updated: its web URL and whether it was new. */
    record PullRequest(String url, boolean created) {
    }

    /**
     * Opens a request from {@code head} into {@code base}, or updates the title and description of the open one.
     *
     * @throws PullRequestException with the API's status and message
     */
    PullRequest openOrUpdate(String head, String base, String title, String description) throws PullRequestException;

    /**
     * @param provider   {@code github} or {@code gitlab}
     * @param apiUrl     null for the public host's API
     * @param repository {@code owner/name} (GitHub) or the project path (GitLab)
     */
    static PullRequests of(String provider, String apiUrl, String repository, String token) {
        String kind = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
        if (repository == null || repository.isBlank() || !repository.contains("/")) {
            throw new IllegalArgumentException("spec.git.push.pullRequest.repository must be owner/name (GitHub) or group/project (GitLab), got '" + repository + "'");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Secret of spec.git.push.pullRequest.secretRef has no 'token'");
        }
        Api api = new Api(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), token);
        return switch (kind) {
            case "github" -> new GitHubPullRequests(api, URI.create(trimSlash(apiUrl == null ? "https://api.github.com" : apiUrl)), repository);
            case "gitlab" -> new GitLabMergeRequests(api, URI.create(trimSlash(apiUrl == null ? "https://gitlab.com/api/v4" : apiUrl)), repository);
            default -> throw new IllegalArgumentException("spec.git.push.pullRequest.provider is '" + provider + "'; it must be github or gitlab");
        };
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The JSON requests both providers make; the token goes in the header each provider wants. */
    final class Api {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Duration TIMEOUT = Duration.ofSeconds(30);

        private final HttpClient http;
        private final String token;

        Api(HttpClient http, String token) {
            this.http = http;
            this.token = token;
        }

        JsonNode send(String method, URI uri, Map<String, Object> body, Map<String, String> auth, int expected, String what) throws PullRequestException {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
                auth.forEach((name, value) -> request.header(name, value.replace("{token}", token)));
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != expected) {
                    String text = response.body() == null ? "" : response.body().replaceAll("\\s+", " ").strip();
                    throw new PullRequestException(what + " failed: " + method + " " + uri + " answered HTTP " + response.statusCode()
                            + (text.isEmpty() ? "" : " (" + (text.length() > 300 ? text.substring(0, 300) + "…" : text) + ")")
                            + (response.statusCode() == 401 || response.statusCode() == 403 ? "; check the token in spec.git.push.pullRequest.secretRef" : ""));
                }
                return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (IOException e) {
                throw new PullRequestException(what + " failed: " + method + " " + uri + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullRequestException(what + " was interrupted");
            }
        }
    }
}
