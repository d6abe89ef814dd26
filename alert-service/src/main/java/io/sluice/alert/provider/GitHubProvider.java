package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub commit statuses, as Flux's {@code github} Provider: {@code spec.address} is the repository
 * ({@code https://github.com/org/repo}), the Secret's {@code token} a token allowed to write statuses.
 * Each notification becomes {@code POST {api}/repos/{owner}/{repo}/statuses/{sha}} with
 * {@code state}, {@code context} and {@code description} ({@link CommitStatus}). The API is
 * {@code https://api.github.com} for github.com, {@code <scheme>://<host>/api/v3} for GitHub Enterprise.
 */
public final class GitHubProvider implements NotificationProvider {

    public static final String GITHUB_API = "https://api.github.com";

    private final ProviderSettings settings;
    private final String token;
    private final String api;
    private final String owner;
    private final String repo;
    private final HttpDelivery http;

    GitHubProvider(ProviderSettings settings) throws DeliveryException {
        this.settings = settings;
        this.token = CommitStatus.requireToken(settings, "github", "a token that may write commit statuses");
        GitAddress address = CommitStatus.repositoryAddress(settings);
        String[] parts = address.path().split("/");
        if (parts.length != 2) {
            throw DeliveryException.permanent(settings.provider() + ": spec.address must name one repository as"
                    + " https://<host>/<owner>/<repo>, got the path '" + address.path() + "'");
        }
        this.owner = parts[0];
        this.repo = parts[1];
        this.api = address.host().equals("github.com") ? GITHUB_API : address.base() + "/api/v3";
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "github";
    }

    @Override
    public Optional<String> skipReason(Notification notification) {
        return CommitStatus.skipReason(notification);
    }

    /** {@code {api}/repos/{owner}/{repo}/statuses/{sha}} */
    URI statusUrl(String sha) {
        return URI.create(api + "/repos/" + owner + "/" + repo + "/statuses/" + sha);
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        String sha = CommitStatus.requireCommit(notification, settings);
        ObjectNode body = Json.object();
        body.put("state", switch (CommitStatus.state(notification)) {
            case PENDING -> "pending";
            case SUCCESS -> "success";
            case FAILURE -> "failure";
        });
        body.put("context", CommitStatus.context(notification, settings.uid()));
        body.put("description", CommitStatus.description(notification));
        http.postJson(statusUrl(sha), Json.bytes(body), Map.of(
                "Authorization", "Bearer " + token,
                "Accept", "application/vnd.github+json"));
    }
}
