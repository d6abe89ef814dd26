package io.sluice.gateway.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.GitProvider;
import io.sluice.gateway.verify.WebhookRequest;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitbucket Server / Data Center and Bitbucket Cloud webhooks (Flux type {@code bitbucket}). Event from
 * {@code X-Event-Key}; delivery id from {@code X-Request-UUID} (Cloud) or {@code X-Request-Id} (Server).
 * <ul>
 *   <li>Server {@code repo:refs_changed}: one {@link GitPush} per entry of {@code changes} ({@code refId},
 *       {@code fromHash}, {@code toHash}); clone URLs from {@code repository.links.clone} ({@code http},
 *       {@code ssh}).</li>
 *   <li>Cloud {@code repo:push}: one per entry of {@code push.changes} ({@code new}/{@code old} with
 *       {@code type}, {@code name}, {@code target.hash}; {@code new} is null for a deleted ref, {@code old} for a
 *       created one); Cloud sends no clone URLs, so they are made from {@code repository.links.html.href}
 *       ({@code https://bitbucket.org/team/repo.git}, {@code git@bitbucket.org:team/repo.git}).</li>
 *   <li>Server {@code diagnostics:ping} ("Test connection") is a ping.</li>
 * </ul>
 */
public record BitbucketPayloads() implements PayloadParser {

    private static final Logger LOG = Logger.getLogger(BitbucketPayloads.class);
    private static final String SERVER = "Bitbucket Server";
    private static final String CLOUD = "Bitbucket Cloud";

    @Override
    public String eventType(WebhookRequest request) {
        return request.header("X-Event-Key");
    }

    @Override
    public boolean isPing(WebhookRequest request) {
        return "diagnostics:ping".equals(eventType(request));
    }

    @Override
    public ParsedPayload parse(WebhookRequest request) throws MalformedPayloadException {
        String deliveryId = request.firstHeader("X-Request-UUID", "X-Request-Id");
        String event = eventType(request);
        JsonNode root = Json.object(request.body(), "repo:push".equals(event) ? CLOUD : SERVER);
        if ("repo:refs_changed".equals(event)) {
            return ParsedPayload.git(deliveryId, server(root));
        }
        if ("repo:push".equals(event)) {
            return ParsedPayload.git(deliveryId, cloud(root));
        }
        return ParsedPayload.nothing(deliveryId);
    }

    private static List<GitPush> server(JsonNode root) throws MalformedPayloadException {
        String http = null;
        String ssh = null;
        for (JsonNode link : root.at("/repository/links/clone")) {
            String name = Json.text(link, "/name");
            String href = Json.text(link, "/href");
            if ("http".equals(name) || "https".equals(name)) {
                http = href;
            } else if ("ssh".equals(name)) {
                ssh = href;
            }
        }
        if (http == null && ssh == null) {
            // Bitbucket Server before 5.x sent no clone links. Flux only reconciles on such a push; so do we,
            // saying why no GitPushed follows (the project and slug are not secret).
            LOG.warnf("Bitbucket Server push for %s/%s has no repository.links.clone; publishing reconcile requests only",
                    Json.text(root, "/repository/project/key"), Json.text(root, "/repository/slug"));
            return List.of();
        }
        CloneUrls urls = Fields.cloneUrls(http, ssh, SERVER);
        JsonNode changes = root.path("changes");
        if (!changes.isArray()) {
            throw new MalformedPayloadException(SERVER + " payload has no changes list");
        }
        List<GitPush> pushes = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String where = "changes[" + i + "]";
            String ref = Json.text(change, "/refId");
            if (ref == null) {
                ref = Json.text(change, "/ref/id");
            }
            if (ref == null) {
                throw new MalformedPayloadException(SERVER + " payload has no " + where + ".refId");
            }
            pushes.add(new GitPush(GitProvider.BITBUCKET, urls, ref,
                    Fields.commit(Json.text(change, "/fromHash"), SERVER, where + ".fromHash"),
                    Fields.commit(Json.text(change, "/toHash"), SERVER, where + ".toHash")));
        }
        return pushes;
    }

    private static List<GitPush> cloud(JsonNode root) throws MalformedPayloadException {
        String html = Json.requiredText(root, "/repository/links/html/href", CLOUD);
        URI page;
        try {
            page = URI.create(html.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException(CLOUD + " payload field repository.links.html.href is not a URL");
        }
        if (page.getHost() == null || page.getPath() == null || page.getPath().length() < 2) {
            throw new MalformedPayloadException(CLOUD + " payload field repository.links.html.href has no host or path");
        }
        CloneUrls urls = Fields.cloneUrls(page.getScheme() + "://" + page.getHost() + page.getPath() + ".git",
                "git@" + page.getHost() + ":" + page.getPath().substring(1) + ".git", CLOUD);
        JsonNode changes = root.at("/push/changes");
        if (!changes.isArray()) {
            throw new MalformedPayloadException(CLOUD + " payload has no push.changes list");
        }
        List<GitPush> pushes = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String where = "push.changes[" + i + "]";
            JsonNode now = change.path("new");
            JsonNode old = change.path("old");
            JsonNode named = now.isObject() ? now : old;
            if (!named.isObject()) {
                throw new MalformedPayloadException(CLOUD + " payload has neither " + where + ".new nor " + where + ".old");
            }
            String ref = ref(named, CLOUD, where);
            if (ref == null) {
                continue; // Mercurial named branches and bookmarks: not Git refs
            }
            String after = now.isObject() ? Fields.commit(Json.text(now, "/target/hash"), CLOUD, where + ".new.target.hash") : Fields.ZERO_COMMIT;
            String before = old.isObject() ? Fields.commit(Json.text(old, "/target/hash"), CLOUD, where + ".old.target.hash") : Fields.ZERO_COMMIT;
            pushes.add(new GitPush(GitProvider.BITBUCKET, urls, ref, before, after));
        }
        return pushes;
    }

    private static String ref(JsonNode named, String sender, String where) throws MalformedPayloadException {
        String name = Json.text(named, "/name");
        String type = Json.text(named, "/type");
        if (name == null || type == null) {
            throw new MalformedPayloadException(sender + " payload has no name or type in " + where);
        }
        return switch (type) {
            case "branch" -> "refs/heads/" + name;
            case "tag", "annotated_tag" -> "refs/tags/" + name;
            default -> null;
        };
    }
}
