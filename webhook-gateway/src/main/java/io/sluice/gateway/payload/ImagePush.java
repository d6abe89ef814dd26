package io.sluice.gateway.payload;

import io.sluice.api.events.Digest;

/**
 * An image was pushed to a registry, as its webhook reported it.
 *
 * @param registry   host[:port], e.g. {@code docker.io}, {@code quay.io}, {@code myregistry.azurecr.io}
 * @param repository the repository in the registry, e.g. {@code library/nginx}
 * @param tag        the tag; null when only a digest is known
 * @param digest     the manifest digest; null when the registry does not send it
 */
public record ImagePush(String registry, String repository, String tag, Digest digest) {
}
