package io.sluice.gateway.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One webhook delivery as received: its headers (names case-insensitive, first value of each) and its body.
 * {@link #toString()} names the headers only: bodies and header values (tokens, signatures) are never logged.
 */
public final class WebhookRequest {

    private final Map<String, String> headers;
    private final byte[] body;

    private WebhookRequest(Map<String, String> headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /** A request with single-valued headers (any case) and a body. */
    public static WebhookRequest of(Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return new WebhookRequest(Map.copyOf(lower), Objects.requireNonNull(body, "body").clone());
    }

    /** A request from multi-valued headers (as JAX-RS gives them); the first value of each header is kept. */
    public static WebhookRequest ofMultiValued(Map<String, List<String>> headers, byte[] body) {
        Map<String, String> single = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (values != null && !values.isEmpty() && values.get(0) != null) {
                single.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new WebhookRequest(Map.copyOf(single), Objects.requireNonNull(body, "body").clone());
    }

    /** The header's value, or null when absent or blank. */
    public String header(String name) {
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first of these headers that is present, or null. */
    public String firstHeader(String... names) {
        for (String name : names) {
            String value = header(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body without copying it; callers must not change it. */
    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return "WebhookRequest[headers=" + headers.keySet() + ", " + body.length + " bytes]";
    }
}
