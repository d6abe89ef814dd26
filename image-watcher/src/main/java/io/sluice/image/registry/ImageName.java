package io.sluice.image.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image repository as {@code spec.image} names it, with the implied parts made explicit, as Flux reads it
 * (go-containerregistry's weak validation): no registry means Docker Hub, a one-part Docker Hub name gets
 * {@code library/}. A tag or digest is not allowed: an ImageRepository scans every tag of one repository.
 *
 * @param registry   the registry host with its port: {@code ghcr.io}, {@code 127.0.0.1:5000}, {@code docker.io}
 * @param repository the repository path in that registry: {@code org/app}, {@code library/alpine}
 */
public record ImageName(String registry, String repository) {

    /** Docker Hub's name in image references, as Flux writes it in {@code status.canonicalImageName}. */
    public static final String DOCKER_HUB = "docker.io";
    /** Where Docker Hub serves the distribution API. */
    private static final String DOCKER_HUB_API = "registry-1.docker.io";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");

    /**
     * Reads {@code spec.image}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and how to write it
     */
    public static ImageName parse(String image) {
        String text = image == null ? "" : image.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("spec.image is empty; set it to an image repository such as ghcr.io/org/app");
        }
        if (text.contains("://")) {
            throw new IllegalArgumentException("spec.image '" + text + "' has a URL scheme; write the image without it, e.g. "
                    + text.substring(text.indexOf("://") + 3) + " (and set spec.insecure: true for a plain-HTTP registry)");
        }
        if (text.contains("@")) {
            throw new IllegalArgumentException("spec.image '" + text + "' names a digest; an ImageRepository scans a repository, write it without '@sha256:…'");
        }
        String registry = DOCKER_HUB;
        String path = text;
        int slash = text.indexOf('/');
        if (slash > 0) {
            String first = text.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                registry = first.toLowerCase(Locale.ROOT);
                path = text.substring(slash + 1);
                if (!HOST.matcher(first).matches()) {
                    throw new IllegalArgumentException("spec.image '" + text + "' has an invalid registry host '" + first + "'");
                }
            }
        }
        int lastSlash = path.lastIndexOf('/');
        int colon = path.indexOf(':', lastSlash + 1);
        if (colon >= 0) {
            throw new IllegalArgumentException("spec.image '" + text + "' names a tag (':" + path.substring(colon + 1)
                    + "'); an ImageRepository scans every tag of a repository, write it without the tag: " + stripTag(text));
        }
        if (registry.equals("index.docker.io") || registry.equals(DOCKER_HUB_API)) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("spec.image '" + text + "' has an invalid repository path '" + path
                        + "': each part must be lower-case letters, digits and separators (. _ __ -), e.g. org/app");
            }
        }
        return new ImageName(registry, path);
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/alpine}: Flux's {@code status.canonicalImageName}. */
    public String canonical() {
        return registry + "/" + repository;
    }

    /** The host (and port) the distribution API is served on. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
    }

    /** The name with a tag: {@code ghcr.io/org/app:1.0.0}. */
    public String withTag(String tag) {
        return canonical() + ":" + tag;
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static String stripTag(String text) {
        int lastSlash = text.lastIndexOf('/');
        int colon = text.indexOf(':', lastSlash + 1);
        return colon < 0 ? text : text.substring(0, colon);
    }
}
