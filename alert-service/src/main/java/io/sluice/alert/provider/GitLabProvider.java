package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab commit statuses, as Flux's {@code gitlab} Provider: {@code spec.address} is the project
 * ({@code https://gitlab.com/group/project}, subgroups allowed), the Secret's {@code token} a token with
 * the {@code api} scope. Each notification becomes
 * {@code POST <scheme>://<host>/api/v4/projects/<url-encoded path>/statuses/<sha>} with {@code state}
 * ({@code success}, {@code failed}, {@code pending}), {@code name} and {@code description}
 * ({@link CommitStatus}), authenticated with the {@code PRIVATE-TOKEN} header. Self-hosted GitLab works
 * the same way: the API is always on the address's host.
 */
public final class GitLabProvider implements NotificationProvider {

    private final ProviderSettings settings;
    private final String token;
    private final String statuses;
    private final HttpDelivery http;

    GitLabProvider(ProviderSettings settings) throws DeliveryException {
        this.settings = settings;
        this.token = CommitStatus.requireToken(settings, "gitlab", "a token with the api scope");
        GitAddress address = CommitStatus.repositoryAddress(settings);
        // GitLab names a project by its full path with the slashes encoded: group%2Fsubgroup%2Fproject
        String project = URLEncoder.encode(address.path(), StandardCharsets.UTF_8);
        this.statuses = address.base() + "/api/v4/projects/" + project + "/statuses/";
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "gitlab";
    }

    @Override
    public Optional<String> skipReason(Notification notification) {
        return CommitStatus.skipReason(notification);
    }

    /** {@code <base>/api/v4/projects/<url-encoded path>/statuses/<sha>} */
    URI statusUrl(String sha) {
        return URI.create(statuses + sha);
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        String sha = CommitStatus.requireCommit(notification, settings);
        ObjectNode body = Json.object();
        body.put("state", switch (CommitStatus.state(notification)) {
            case PENDING -> "pending";
            case SUCCESS -> "success";
            case FAILURE -> "failed";
        });
        body.put("name", CommitStatus.context(notification, settings.uid()));
        body.put("description", CommitStatus.description(notification));
        http.postJson(statusUrl(sha), Json.bytes(body), Map.of("PRIVATE-TOKEN", token));
    }
}
