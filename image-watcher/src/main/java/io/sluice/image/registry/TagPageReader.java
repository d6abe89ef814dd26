package io.sluice.image.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one page of {@code GET /v2/<name>/tags/list} as it streams in, handing each tag to a consumer: only the
 * tags are kept, never the page's text. The page is {@code {"name": "<name>", "tags": ["1.0.0", ...]}}; {@code tags}
 * may be null or missing (a repository without tags); other fields are skipped.
 */
final class TagPageReader {

    private static final JsonFactory JSON = new JsonFactory();

    private TagPageReader() {
    }

    /**
     * @return the last tag of the page (for {@code last=} when a registry does not send {@code Link}), or null
     * @throws RegistryException {@link RegistryException.Failure#MALFORMED_RESPONSE} when the page is not a tag list
     */
    static String read(InputStream body, String what, Consumer<String> tags) throws RegistryException {
        String last = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(what, "it is not a JSON object", parser);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"tags".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw malformed(what, "\"tags\" is not an array", parser);
                }
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (element != JsonToken.VALUE_STRING) {
                        throw malformed(what, "\"tags\" holds a " + element + " where a tag string belongs", parser);
                    }
                    last = parser.getText();
                    tags.accept(last);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw malformed(what, "the object does not end properly", parser);
            }
            return last;
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE,
                    "the registry's tag list of " + what + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static RegistryException malformed(String what, String problem, JsonParser parser) {
        return new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE,
                "the registry's tag list of " + what + " is not a tag list: " + problem + " (line " + parser.currentLocation().getLineNr()
                        + ", column " + parser.currentLocation().getColumnNr() + "); expected {\"name\": ..., \"tags\": [...]}");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
