package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ConfigMaps and Secrets: valid keys, at most 1 MiB of data, {@code immutable: true} freezing the data, a
 * Secret's type (default {@code Opaque}, immutable, with the keys its type requires) and {@code stringData}
 * merged into {@code data} as the server stores it.
 */
final class ConfigDataRules implements KindRules {

    /** The most data a ConfigMap or Secret may hold. */
    static final int MAX_SIZE = 1024 * 1024;

    private final boolean secret;

    private ConfigDataRules(boolean secret) {
        this.secret = secret;
    }

    static ConfigDataRules configMaps() {
        return new ConfigDataRules(false);
    }

    static ConfigDataRules secrets() {
        return new ConfigDataRules(true);
    }

    /** A Secret's {@code stringData} is written into {@code data} (base64) and not kept; its type defaults to Opaque. */
    @Override
    public void defaults(ObjectNode object) {
        if (!secret) {
            return;
        }
        if (object.get("stringData") instanceof ObjectNode stringData) {
            ObjectNode data = Defaults.object(object, "data");
            for (Iterator<Map.Entry<String, JsonNode>> it = stringData.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                data.put(entry.getKey(), Base64.getEncoder().encodeToString(entry.getValue().asText()
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
        object.remove("stringData");
        Defaults.putIfAbsent(object, "type", "Opaque");
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        long size = keys(object.path("data"), "data", object.path("binaryData"), "binaryData", errors);
        size += keys(object.path("binaryData"), "binaryData", object.path("data"), "data", errors);
        if (size > MAX_SIZE) {
            errors.tooLong(secret ? "data" : "[]", "must have at most " + MAX_SIZE + " bytes");
        }
        if (secret) {
            SecretTypes.validate(object, errors);
        }
    }

    /** Checks the keys of one bag; returns the size of its values. */
    private long keys(JsonNode bag, String field, JsonNode other, String otherField, FieldErrors errors) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = bag.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String path = field + "[" + key + "]";
            NameRules.configMapKey(key).forEach(p -> errors.invalid(path, GoSyntax.quote(key), p));
            if (other.has(key)) {
                errors.invalid(path, GoSyntax.quote(key), "duplicate of key present in " + otherField);
            }
            size += secret || field.equals("binaryData") ? decodedLength(entry.getValue().asText())
                    : entry.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    private static long decodedLength(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }

    @Override
    public void validateUpdate(ObjectNode live, ObjectNode desired, FieldErrors errors) {
        if (secret && !Json.same(live.get("type"), desired.get("type"))) {
            errors.invalid("type", GoSyntax.value(desired.get("type")), "field is immutable");
        }
        if (live.path("immutable").asBoolean(false)) {
            if (!desired.path("immutable").asBoolean(false)) {
                errors.forbidden("immutable", "field is immutable when `immutable` is set");
            }
            for (String field : List.of("data", "binaryData")) {
                if (!Json.same(live.get(field), desired.get(field))) {
                    errors.forbidden(field, "field is immutable when `immutable` is set");
                }
            }
        }
    }
}
