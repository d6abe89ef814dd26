package io.sluice.render.substitute;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** ConfigMaps and Secrets held in memory: for tests and for rendering outside a cluster ({@code sluice build}). */
public final class MapVariableSource implements VariableSource {

    private final Map<String, Map<String, String>> configMaps = new HashMap<>();
    private final Map<String, Map<String, String>> secrets = new HashMap<>();

    /** Adds a ConfigMap with plain values. */
    public MapVariableSource configMap(String namespace, String name, Map<String, String> data) {
        configMaps.put(namespace + "/" + name, new LinkedHashMap<>(data));
        return this;
    }

    /** Adds a Secret; {@code base64Data} holds base64-encoded values, as {@code Secret.data} does. */
    public MapVariableSource secret(String namespace, String name, Map<String, String> base64Data) {
        secrets.put(namespace + "/" + name, new LinkedHashMap<>(base64Data));
        return this;
    }

    @Override
    public Optional<Map<String, String>> configMap(String namespace, String name) {
        return Optional.ofNullable(configMaps.get(namespace + "/" + name));
    }

    @Override
    public Optional<Map<String, String>> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(namespace + "/" + name));
    }
}
