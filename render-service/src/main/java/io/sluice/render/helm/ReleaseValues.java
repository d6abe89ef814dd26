package io.sluice.render.helm;

import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.ValuesReference;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.YamlReader;
import io.sluice.kustomize.yaml.YamlWriter;
import io.sluice.render.substitute.VariableSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a HelmRelease gives its chart, composed in Flux's order (fluxcd/pkg chartutil
 * ChartValuesFromReferences): each {@code spec.valuesFrom} entry in list order, a later one overriding an earlier
 * one key by key, then {@code spec.values} over all of them.
 *
 * <ul>
 *   <li>an entry reads key {@code valuesKey} (default {@code values.yaml}) of a ConfigMap or Secret in the
 *       HelmRelease's namespace; a missing object or key fails unless {@code optional: true};</li>
 *   <li>without {@code targetPath} the text must be a YAML map, deep-merged into what came before;</li>
 *   <li>with {@code targetPath} the text is set at that path with Helm's {@code --set} syntax ({@link StrvalsParser});
 *       quoted text stays a string; as in Flux, {@code spec.values} is merged in before the path is set.</li>
 * </ul>
 * Failures are {@link HelmRenderException.Kind#VALUES} with Flux's wording ({@code could not resolve Secret chart
 * values reference 'apps/tls' with key 'crt': key not found}).
 */
public final class ReleaseValues {

    private static final String DEFAULT_KEY = "values.yaml";

    private ReleaseValues() {
    }

    /** The composed values; {@code sources} finds the ConfigMaps and Secrets (in the HelmRelease's namespace). */
    public static Map<String, Object> compose(HelmRelease release, VariableSource sources) {
        String namespace = release.getMetadata().getNamespace();
        Map<String, Object> values = release.getSpec().getValues() == null ? Map.of() : release.getSpec().getValues();
        List<ValuesReference> refs = release.getSpec().getValuesFrom() == null ? List.of() : release.getSpec().getValuesFrom();
        Map<String, Object> result = new LinkedHashMap<>();
        for (ValuesReference ref : refs) {
            Optional<String> text = read(ref, namespace, sources);
            if (text.isEmpty()) {
                continue; // optional and absent
            }
            if (ref.getTargetPath() != null && !ref.getTargetPath().isEmpty()) {
                result = merge(result, values);
                try {
                    StrvalsParser.replacePathValue(result, ref.getTargetPath(), text.get());
                } catch (IllegalArgumentException e) {
                    throw failure(ref, namespace, "failed to merge value: " + e.getMessage());
                }
                continue;
            }
            result = merge(result, readValues(ref, namespace, text.get()));
        }
        return merge(result, values);
    }

    /** {@code sha256:<hex>} of the values: Flux's {@code lastAttemptedConfigDigest} and the history's {@code configDigest}. */
    public static String configDigest(Map<String, Object> values) {
        return "sha256:" + hash("SHA-256", canonical(values));
    }

    /** SHA-1 hex of the values: {@code lastAttemptedValuesChecksum}. */
    public static String checksum(Map<String, Object> values) {
        return hash("SHA-1", canonical(values));
    }

    /** Flux's MergeMaps: maps merge key by key, recursively; anything else from {@code b} replaces what {@code a} has. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> bv && out.get(e.getKey()) instanceof Map<?, ?> av) {
                out.put(e.getKey(), merge((Map<String, Object>) av, (Map<String, Object>) bv));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Optional<String> read(ValuesReference ref, String namespace, VariableSource sources) {
        String kind = ref.getKind();
        boolean optional = Boolean.TRUE.equals(ref.getOptional());
        Optional<Map<String, String>> data;
        if ("ConfigMap".equals(kind)) {
            data = sources.configMap(namespace, ref.getName());
        } else if ("Secret".equals(kind)) {
            data = sources.secret(namespace, ref.getName());
        } else {
            throw failure(ref, namespace, "unsupported values reference kind");
        }
        if (data.isEmpty()) {
            if (optional) {
                return Optional.empty();
            }
            throw failure(ref, namespace, "resource not found");
        }
        String raw = data.get().get(key(ref));
        if (raw == null) {
            if (optional) {
                return Optional.empty();
            }
            throw failure(ref, namespace, "key not found");
        }
        if ("Secret".equals(kind)) {
            try {
                return Optional.of(new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw failure(ref, namespace, "failed to read values data: the Secret's value is not base64");
            }
        }
        return Optional.of(raw);
    }

    /** Helm's ReadValues: empty text is no values; anything else must be a YAML map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readValues(ValuesReference ref, String namespace, String text) {
        Object parsed;
        try {
            parsed = YamlReader.readOne(text, key(ref), true);
        } catch (KustomizeException | IllegalArgumentException e) {
            throw failure(ref, namespace, "failed to read values data: " + e.getMessage());
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map)) {
            throw failure(ref, namespace, "failed to read values data: error unmarshaling JSON: the YAML is a "
                    + (parsed instanceof List ? "list" : "scalar") + ", not a map of values");
        }
        return (Map<String, Object>) parsed;
    }

    private static String key(ValuesReference ref) {
        return ref.getValuesKey() == null || ref.getValuesKey().isEmpty() ? DEFAULT_KEY : ref.getValuesKey();
    }

    /** Flux's ErrValuesReference message. */
    private static HelmRenderException failure(ValuesReference ref, String namespace, String reason) {
        StringBuilder message = new StringBuilder("could not resolve");
        if (Boolean.TRUE.equals(ref.getOptional())) {
            message.append(" optional");
        }
        if (ref.getKind() != null && !ref.getKind().isEmpty()) {
            message.append(' ').append(ref.getKind());
        }
        message.append(" chart values reference '").append(namespace).append('/').append(ref.getName()).append("' with key '")
                .append(key(ref)).append("': ").append(reason);
        return new HelmRenderException(HelmRenderException.Kind.VALUES, message.toString());
    }

    /**
     * Flux digests the values as go-yaml v2 prints them with sorted keys (chartutil.Encode with SortMapSlice), which
     * is the printer the Kustomize engine reproduces; empty values are digested as no bytes at all.
     */
    private static byte[] canonical(Map<String, Object> values) {
        return values.isEmpty() ? new byte[0] : YamlWriter.write(values).getBytes(StandardCharsets.UTF_8);
    }

    private static String hash(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
