package io.sluice.api.events;

import java.time.Instant;
import java.util.Locale;

/**
 * A container registry reported a push. Produced by webhook-gateway on {@code image.push}; image-watcher
 * rescans every ImageRepository that watches the same image repository.
 *
 * @param registry   the registry host, with port if any: {@code ghcr.io}, {@code 127.0.0.1:5000},
 *                   {@code docker.io}; lower-cased
 * @param repository the repository within the registry: {@code org/app}, {@code library/nginx}
 * @param tag        the tag pushed, e.g. {@code 1.4.2}; may be null when only a digest was pushed
 * @param digest     the manifest digest; may be null when the registry's webhook does not say
 * @param receivedAt when the gateway received the webhook
 */
public record ImagePushed(String registry, String repository, String tag, Digest digest, Instant receivedAt)
        implements SluiceEvent {

    private static final String NAME = "ImagePushed";

    public ImagePushed {
        registry = Require.text(registry, NAME, "registry").toLowerCase(Locale.ROOT);
        Require.text(repository, NAME, "repository");
        if (repository.startsWith("/") || repository.endsWith("/")) {
            throw new IllegalArgumentException(NAME + ".repository must not start or end with '/', got '" + repository + "'");
        }
        tag = Require.optionalText(tag);
        if (tag == null && digest == null) {
            throw new IllegalArgumentException(NAME + " needs a tag or a digest, got neither for " + registry + "/" + repository);
        }
        Require.present(receivedAt, NAME, "receivedAt");
    }

    /** The image repository, {@code registry/repository}, e.g. {@code ghcr.io/org/app}. */
    @Override
    public String subject() {
        return registry + "/" + repository;
    }

    @Override
    public EventType eventType() {
        return EventType.IMAGE_PUSHED;
    }

    /** The pushed image reference: {@code ghcr.io/org/app:1.4.2}, with {@code @sha256:…} when the digest is known. */
    public String imageRef() {
        return subject() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
