package io.sluice.gateway.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Reading webhook bodies as JSON trees, with errors that name the sender and the field but never the body. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Parses a body that must be one JSON object. */
    static JsonNode object(byte[] body, String sender) throws MalformedPayloadException {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException(sender + " payload is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedPayloadException(sender + " payload could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedPayloadException(sender + " payload must be a JSON object");
        }
        return node;
    }

    /** The text at {@code path} (a JSON pointer such as {@code /repository/clone_url}), or null if absent or empty. */
    static String text(JsonNode root, String path) {
        JsonNode node = root.at(path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText() : null;
        return text == null || text.isBlank() ? null : text;
    }

    /** The text at {@code path}; a payload without it is malformed. */
    static String requiredText(JsonNode root, String path, String sender) throws MalformedPayloadException {
        String text = text(root, path);
        if (text == null) {
            throw new MalformedPayloadException(sender + " payload has no " + fieldName(path));
        }
        return text;
    }

    /** {@code /repository/clone_url} → {@code repository.clone_url}, as people write it. */
    static String fieldName(String path) {
        return path.substring(1).replace('/', '.');
    }
}
