package io.sluice.image.registry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Turns what the JDK client throws, and registry answers other than 200, into {@link RegistryException}s people can act on. */
final class RegistryErrors {

    private RegistryErrors() {
    }

    static RegistryException transport(Exception error, ImageName image, String what, RegistryAccess access) {
        String host = image.apiHost();
        if (has(error, HttpConnectTimeoutException.class)) {
            return new RegistryException(RegistryException.Failure.UNREACHABLE, "cannot connect to " + host + " for " + what
                    + ": the connection timed out; check spec.image and that the registry is reachable from here", error);
        }
        if (has(error, HttpTimeoutException.class)) {
            return timeout(image, access.timeout(), error);
        }
        if (has(error, UnknownHostException.class)) {
            return new RegistryException(RegistryException.Failure.UNREACHABLE, "registry host '" + host + "' of " + image
                    + " does not resolve: check spec.image (and that this cluster's DNS knows the host)", error);
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)) {
            return new RegistryException(RegistryException.Failure.UNREACHABLE, "cannot connect to " + access.scheme() + "://" + host
                    + " for " + what + ": nothing accepts connections there; check spec.image and that the registry is up", error);
        }
        if (has(error, SSLException.class)) {
            String hint = String.valueOf(error.getMessage()).contains("plaintext") || String.valueOf(rootMessage(error)).contains("Unsupported or unrecognized SSL message")
                    ? "the registry seems to speak plain HTTP: set spec.insecure: true"
                    : "if the registry's certificate is signed by a private CA, set spec.certSecretRef to a Secret with that CA in 'ca.crt'";
            return new RegistryException(RegistryException.Failure.TLS, "TLS with " + host + " failed for " + what + " (" + rootMessage(error) + "): " + hint, error);
        }
        return new RegistryException(RegistryException.Failure.UNREACHABLE, "talking to " + host + " for " + what + " failed: " + rootMessage(error), error);
    }

    static RegistryException timeout(ImageName image, Duration timeout, Throwable cause) {
        return new RegistryException(RegistryException.Failure.TIMEOUT, "scanning " + image + " did not finish within " + human(timeout)
                + ": check that the registry answers, or raise spec.timeout", cause);
    }

    /** A non-2xx answer other than the 401 the auth flow handles. */
    static RegistryException status(HttpResponse<?> response, ImageName image, String what, String body) {
        int code = response.statusCode();
        String detail = body == null || body.isBlank() ? "" : " (" + abbreviate(body) + ")";
        return switch (code) {
            case 401, 403 -> new RegistryException(RegistryException.Failure.UNAUTHORIZED, "the registry refused access to " + what
                    + " (HTTP " + code + ")" + detail + "; check the credentials in the dockerconfigjson Secret of spec.secretRef"
                    + " and that they may pull " + image);
            case 404 -> new RegistryException(RegistryException.Failure.NOT_FOUND, "the registry has no repository " + image
                    + " (HTTP 404 for " + what + ")" + detail + "; check spec.image");
            case 429 -> {
                Optional<Duration> retryAfter = retryAfter(response);
                yield new RegistryException(RegistryException.Failure.RATE_LIMITED, "the registry is rate limiting requests (HTTP 429 Too Many Requests for "
                        + what + ")" + retryAfter.map(d -> "; it asks to retry after " + human(d)).orElse("; it did not say when to retry")
                        + ", and Sluice will wait that long before scanning " + image + " again", retryAfter.orElse(null), null);
            }
            default -> new RegistryException(RegistryException.Failure.OTHER, "the registry answered HTTP " + code + " for " + what + detail);
        };
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 1 && d.toMillisPart() == 0 ? seconds + "s" : d.toMillis() + "ms";
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
