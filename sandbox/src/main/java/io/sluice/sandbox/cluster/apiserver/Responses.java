package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** HTTP answers of the API server: JSON bodies with their status code. */
final class Responses {

    private Responses() {
    }

    static MockResponse json(int code, byte[] json) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(json);
    }

    static MockResponse json(int code, JsonNode body) {
        // bytes straight from the tree: a String first would cost a UTF-16 copy and an encoding pass per answer
        return json(code, Json.writeBytes(body));
    }

    /** The {@code Status} a refused request gets (or the plain-text 404 of a path outside every API). */
    static MockResponse failure(ApiException e) {
        if (e.plainText()) {
            return new MockResponse().setResponseCode(e.code()).setHeader("Content-Type", "text/plain; charset=utf-8")
                    .setBody(e.getMessage() + "\n");
        }
        return json(e.code(), e.toStatus());
    }
}
