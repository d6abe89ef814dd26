package io.sluice.gateway.payload;

import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.Digest;

import java.util.regex.Pattern;

/** Checks shared by the parsers, turning bad values into {@link MalformedPayloadException}s. */
final class Fields {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    static final String ZERO_COMMIT = "0".repeat(40);

    private Fields() {
    }

    static String commit(String value, String sender, String field) throws MalformedPayloadException {
        if (value == null || !COMMIT.matcher(value).matches()) {
            throw new MalformedPayloadException(sender + " payload field " + field + " is not a commit SHA (40 or 64 hex digits)");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    static CloneUrls cloneUrls(String http, String ssh, String sender) throws MalformedPayloadException {
        try {
            return new CloneUrls(http, ssh);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException(sender + " payload has no usable repository clone URL: " + e.getMessage());
        }
    }

    static Digest digest(String value, String sender, String field) throws MalformedPayloadException {
        if (value == null) {
            return null;
        }
        try {
            return Digest.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException(sender + " payload field " + field + " is not a digest: " + e.getMessage());
        }
    }

    /** An image name split into the registry host[:port] and the repository in it. */
    record ImageName(String registry, String repository) {
    }

    /** Splits {@code host[:port]/path/to/repo[:tag][@digest]} into the registry and the repository (tag and digest dropped). */
    static ImageName registryAndRepository(String imageName, String sender, String field) throws MalformedPayloadException {
        String name = imageName.replaceFirst("^[a-z]+://", "");
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            throw new MalformedPayloadException(sender + " payload field " + field + " is not of the form registry/repository");
        }
        String repository = name.substring(slash + 1);
        int at = repository.indexOf('@');
        if (at >= 0) {
            repository = repository.substring(0, at);
        }
        int colon = repository.lastIndexOf(':');
        if (colon >= 0) {
            repository = repository.substring(0, colon);
        }
        return new ImageName(name.substring(0, slash), repository.replaceAll("/+$", ""));
    }
}
