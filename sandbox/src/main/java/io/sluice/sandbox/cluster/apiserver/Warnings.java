package io.sluice.sandbox.cluster.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The warnings of one request (unknown or repeated fields the server dropped), sent as {@code Warning} headers as
 * a real server sends them: {@code 299 - "unknown field \"spec.foo\""}, each text once, in the order found. kubectl
 * prints them; fabric8 logs them.
 */
final class Warnings {

    private final Set<String> texts = new LinkedHashSet<>();

    void add(String text) {
        texts.add(text);
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    /** Adds the headers to an answer (an error answer too: a real server warns before it refuses). */
    MockResponse addTo(MockResponse response) {
        for (String text : texts) {
            response.addHeader("Warning", "299 - " + GoSyntax.quote(text));
        }
        return response;
    }
}
