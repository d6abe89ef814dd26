package io.sluice.render.build;

import java.util.Map;

/**
 * One rendered object: its value tree and its YAML text as kustomize prints it.
 *
 * @param object the object ({@code LinkedHashMap}/{@code ArrayList}/scalars, as the Kustomize engine returns)
 * @param yaml   its canonical YAML document, ending with a newline, without a {@code ---} separator
 */
public record RenderedObject(Map<String, Object> object, String yaml) {

    public String apiVersion() {
        return text(object.get("apiVersion"));
    }

    public String kind() {
        return text(object.get("kind"));
    }

    public String namespace() {
        return object.get("metadata") instanceof Map<?, ?> m ? text(m.get("namespace")) : "";
    }

    public String name() {
        return object.get("metadata") instanceof Map<?, ?> m ? text(m.get("name")) : "";
    }

    /** {@code Kind/namespace/name}, as in messages and change sets. */
    public String describe() {
        return kind() + "/" + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
