package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * The {@code continue} token of a paged LIST, in the real server's format: URL-safe base64 (no padding) of
 * {@code {"v":"meta.k8s.io/v1","rv":<resourceVersion of the first page>,"start":"<key after the last item>\u0000"}},
 * where the key is the item's name, or {@code namespace/name} in a list across namespaces. Clients treat it as
 * opaque; the format only matters for the error a bad token gets.
 */
record ContinueToken(long resourceVersion, String startKey) {

    private static final String VERSION = "meta.k8s.io/v1";

    /** The token for the page after the item with {@code lastKey}. */
    static ContinueToken after(long resourceVersion, String lastKey) {
        return new ContinueToken(resourceVersion, lastKey + "\u0000");
    }

    String encode() {
        ObjectNode json = Json.object().put("v", VERSION).put("rv", resourceVersion).put("start", startKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.writeBytes(json));
    }

    /** The key of the last item of the previous page. */
    String lastKey() {
        return startKey.endsWith("\u0000") ? startKey.substring(0, startKey.length() - 1) : startKey;
    }

    /**
     * @throws ApiException 400 {@code invalid continue token: ...} when the text is not a token
     */
    static ContinueToken decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw invalid("illegal base64 data at input byte " + firstBadByte(text));
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw invalid("continue key is not valid: " + GoJsonError.of(bytes));
        }
        if (json == null || !VERSION.equals(json.path("v").asText()) || !json.path("rv").canConvertToLong()) {
            throw invalid("continue key is not valid: incorrect encoded start resourceVersion (version "
                    + VERSION + ")");
        }
        if (json.path("start").asText("").isEmpty()) {
            throw invalid("continue key is not valid: encoded start key empty");
        }
        return new ContinueToken(json.path("rv").asLong(), json.path("start").asText());
    }

    private static int firstBadByte(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
                return i;
            }
        }
        return text.length();
    }

    private static ApiException invalid(String why) {
        return ApiException.badRequest("invalid continue token: " + why);
    }

    /** The words Go's JSON decoder uses for a document that does not start as JSON or ends too soon. */
    private static final class GoJsonError {

        static String of(byte[] bytes) {
            int i = 0;
            while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
                i++;
            }
            if (i == bytes.length) {
                return "unexpected end of JSON input";
            }
            int c = bytes[i] & 0xff;
            if ("{[\"-0123456789tfn".indexOf(c) >= 0) {
                return "unexpected end of JSON input";
            }
            return "invalid character " + quote(c) + " looking for beginning of value";
        }

        /** As Go quotes one character in its JSON errors: {@code 'x'}, or an escape for what is not printable. */
        private static String quote(int c) {
            if (c == '\'') {
                return "'\\''";
            }
            if (c == '"') {
                return "'\"'";
            }
            if (c >= 0x20 && c < 0x7f) {
                return "'" + (char) c + "'";
            }
            return "'" + String.format("\\u%04x", c) + "'";
        }
    }
}
