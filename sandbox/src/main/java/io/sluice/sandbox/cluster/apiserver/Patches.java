package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.Iterator;
import java.util.Map;

/** The three update-style patch formats, applied to a copy of the live object. */
final class Patches {

    private Patches() {
    }

    private static final String JSON_PATCH = "application/json-patch+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";

    /**
     * Refuses a patch type the resource does not take, as the real server does before it looks at the object:
     * custom resources have no strategic merge patch (no patch strategies in a CRD schema).
     */
    static void checkSupported(String contentType, boolean customResource) {
        if (contentType.equals(STRATEGIC_MERGE_PATCH) && customResource) {
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                    + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                    + "application/apply-patch+yaml", (ApiException.Details) null);
        }
        if (!contentType.equals(JSON_PATCH) && !contentType.equals(MERGE_PATCH)
                && !contentType.equals(STRATEGIC_MERGE_PATCH)) {
            throw unsupportedMediaType();
        }
    }

    /** A patch body of another media type, answered as the real server's patch handler answers it. */
    static ApiException unsupportedMediaType() {
        return new ApiException(415, "UnsupportedMediaType", "415: Unsupported Media Type", ApiException.Details.EMPTY);
    }

    /** Reads a patch body (JSON); errors are worded as the real server words them ({@code error decoding patch: ...}). */
    static JsonNode read(String contentType, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String problem = GoJsonSyntax.firstError(text);
        if (problem != null) {
            throw ApiException.badRequest("error decoding patch: " + problem);
        }
        JsonNode patch = Json.parse(body, "The patch");
        if (contentType.equals(JSON_PATCH) && !patch.isArray()) {
            throw ApiException.badRequest("error decoding patch: json: cannot unmarshal " + GoSyntax.jsonType(patch)
                    + " into Go value of type []handlers.jsonPatchOp");
        }
        return patch;
    }

    /**
     * RFC 6902 JSON patch ({@code application/json-patch+json}). Any operation that cannot be applied (a failed
     * {@code test}, a missing path, an unknown operation) is the real server's terse 422.
     */
    static JsonNode jsonPatch(JsonNode live, JsonNode patch) {
        try {
            return JsonPatch.apply(patch, live);
        } catch (RuntimeException e) {
            throw new ApiException(422, "Invalid", "the server rejected our request due to an error in our request",
                    ApiException.Details.EMPTY);
        }
    }

    /** RFC 7386 JSON merge patch ({@code application/merge-patch+json}): {@code null} deletes the field. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject)) {
            return patch.deepCopy();
        }
        ObjectNode result = target instanceof ObjectNode object ? object.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patchObject.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    /** Strategic merge patch ({@code application/strategic-merge-patch+json}) of a built-in kind. */
    static JsonNode strategicMergePatch(JsonNode live, JsonNode patch, String kind) {
        return StrategicMergePatch.apply(live, patch, kind);
    }
}
