package io.sluice.render.substitute;

import java.util.Map;
import java.util.Optional;

/**
 * Where {@code spec.postBuild.substituteFrom} finds its ConfigMaps and Secrets. The reconciler plugs in a
 * cluster lookup (fabric8); tests and the CLI use {@link MapVariableSource}.
 *
 * <p>Return {@link Optional#empty()} when the object does not exist (an {@code optional: true} reference then
 * contributes nothing); throw for any other failure (no access, API down): that fails the render.
 */
public interface VariableSource {

    /** The {@code data} of a ConfigMap, or empty when there is no such ConfigMap. */
    Optional<Map<String, String>> configMap(String namespace, String name);

    /**
     * The {@code data} of a Secret as the API returns it: values base64-encoded. Empty when there is no such
     * Secret. {@link VariableSubstitution} decodes the values.
     */
    Optional<Map<String, String>> secret(String namespace, String name);

    /** A source with no ConfigMaps or Secrets at all. */
    static VariableSource none() {
        return new MapVariableSource();
    }
}
