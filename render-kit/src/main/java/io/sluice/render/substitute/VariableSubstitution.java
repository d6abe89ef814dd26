package io.sluice.render.substitute;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.api.kustomize.SubstituteReference;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.YamlReader;
import io.sluice.kustomize.yaml.YamlWriter;
import io.sluice.render.build.RenderException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code spec.postBuild} as kustomize-controller runs it, after the build, object by object:
 *
 * <ol>
 *   <li>Variables come from {@code substituteFrom} in list order (a later ConfigMap or Secret overrides an
 *       earlier one), then from the inline {@code substitute} map, which overrides them all. Line breaks in
 *       values are removed. A missing ConfigMap or Secret fails the render unless the reference is
 *       {@code optional: true}. Secret values are base64-decoded.</li>
 *   <li>Every variable name must match {@code ^[_[:alpha:]][_[:alpha:][:digit:]]*$}.</li>
 *   <li>An object labelled or annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled} is left as is.</li>
 *   <li>Nothing is substituted when there are no variables at all, unless
 *       {@code postBuild.substituteStrategy: Always}.</li>
 *   <li>The object's YAML text goes through {@link Envsubst} and is parsed back. In strict mode (Flux's
 *       {@code StrictPostBuildSubstitutions} feature gate, on by default since kustomize-controller v1.9) an
 *       unset variable without a default is an error.</li>
 * </ol>
 */
public final class VariableSubstitution {

    /** The label or annotation that opts an object out, and its value. */
    public static final String OPT_OUT_KEY = "kustomize.toolkit.fluxcd.io/substitute";
    public static final String OPT_OUT_VALUE = "disabled";

    private static final Pattern VAR_NAME = Pattern.compile("^[_\\p{Alpha}][_\\p{Alpha}\\p{Digit}]*$");
    private static final String VAR_NAME_TEXT = "^[_[:alpha:]][_[:alpha:][:digit:]]*$";

    private final boolean strict;

    /** @param strict fail on unset variables without a default (Flux's default) */
    public VariableSubstitution(boolean strict) {
        this.strict = strict;
    }

    /** The variables and whether to run at all, resolved once per render. */
    public record Variables(Map<String, String> values, boolean always) {
        public Variables {
            values = Map.copyOf(values);
        }

        /** True when objects must go through substitution. */
        public boolean active() {
            return always || !values.isEmpty();
        }
    }

    /**
     * Resolves the variables of a Kustomization. ConfigMaps and Secrets are looked up in the Kustomization's
     * namespace, as Flux does.
     */
    public Variables resolve(Kustomization kustomization, VariableSource source) {
        PostBuild postBuild = kustomization.getSpec() == null ? null : kustomization.getSpec().getPostBuild();
        if (postBuild == null) {
            return new Variables(Map.of(), false);
        }
        String namespace = kustomization.getMetadata() == null ? null : kustomization.getMetadata().getNamespace();
        Map<String, String> vars = new LinkedHashMap<>();
        if (postBuild.getSubstituteFrom() != null) {
            for (int i = 0; i < postBuild.getSubstituteFrom().size(); i++) {
                vars.putAll(load(postBuild.getSubstituteFrom().get(i), i, namespace, source));
            }
        }
        if (postBuild.getSubstitute() != null) {
            postBuild.getSubstitute().forEach((k, v) -> vars.put(k, v == null ? "" : v.replace("\n", "")));
        }
        for (String name : vars.keySet()) {
            if (!VAR_NAME.matcher(name).matches()) {
                throw RenderException.build("spec.postBuild: '" + name + "' var name is invalid, must match '" + VAR_NAME_TEXT
                        + "' (letters, digits and '_', not starting with a digit)");
            }
        }
        Object strategy = postBuild.getAdditionalProperties().get("substituteStrategy");
        if (strategy != null && !"Always".equals(strategy) && !"WithVariables".equals(strategy)) {
            throw RenderException.build("spec.postBuild.substituteStrategy must be WithVariables or Always, got '" + strategy + "'");
        }
        return new Variables(vars, "Always".equals(strategy));
    }

    private static Map<String, String> load(SubstituteReference ref, int index, String namespace, VariableSource source) {
        String field = "spec.postBuild.substituteFrom[" + index + "]";
        String kind = ref.getKind();
        String name = ref.getName();
        if (name == null || name.isBlank()) {
            throw RenderException.build(field + ".name is required");
        }
        boolean optional = Boolean.TRUE.equals(ref.getOptional());
        Optional<Map<String, String>> data;
        try {
            if ("ConfigMap".equals(kind)) {
                data = source.configMap(namespace, name);
            } else if ("Secret".equals(kind)) {
                data = source.secret(namespace, name);
            } else {
                throw RenderException.build(field + ".kind must be ConfigMap or Secret, got '" + kind + "'");
            }
        } catch (RenderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RenderException.build("substitute from '" + kind + "/" + name + "' error: " + e.getMessage(), e);
        }
        if (data.isEmpty()) {
            if (optional) {
                return Map.of();
            }
            throw RenderException.build("substitute from '" + kind + "/" + name + "' error: " + kind + " " + namespace + "/" + name
                    + " not found (" + field + "); create it, or mark the reference optional: true");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : data.get().entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            if ("Secret".equals(kind)) {
                try {
                    value = new String(Base64.getDecoder().decode(value.replace("\n", "")), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    throw RenderException.build("substitute from 'Secret/" + name + "' error: key '" + e.getKey()
                            + "' is not valid base64: " + bad.getMessage(), bad);
                }
            }
            out.put(e.getKey(), value.replace("\n", ""));
        }
        return out;
    }

    /** True when the object opts out with the label or annotation {@value #OPT_OUT_KEY}: {@value #OPT_OUT_VALUE}. */
    public static boolean optedOut(Map<String, Object> object) {
        if (!(object.get("metadata") instanceof Map<?, ?> meta)) {
            return false;
        }
        return OPT_OUT_VALUE.equals(valueIn(meta.get("labels"))) || OPT_OUT_VALUE.equals(valueIn(meta.get("annotations")));
    }

    private static Object valueIn(Object map) {
        return map instanceof Map<?, ?> m ? m.get(OPT_OUT_KEY) : null;
    }

    /**
     * Substitutes one object; returns it unchanged when substitution is off or the object opts out.
     *
     * @param describe the object in error messages, e.g. "Deployment/apps/web"
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> apply(Map<String, Object> object, Variables vars, String describe) {
        if (!vars.active() || optedOut(object)) {
            return object;
        }
        String yaml = YamlWriter.write(object);
        String out;
        try {
            out = Envsubst.eval(yaml, name -> Optional.ofNullable(vars.values().get(name)), strict);
        } catch (Envsubst.EnvsubstException e) {
            throw RenderException.build("post build failed for '" + describe + "': " + e.getMessage()
                    + (e.getMessage().startsWith("variable not set") ? "; set it in spec.postBuild.substitute or substituteFrom, give it a default"
                    + " (${var:=default}), or write $${var} to keep the text" : ""), e);
        }
        if (out.equals(yaml)) {
            return object;
        }
        Object parsed;
        try {
            // go-yaml v2 rules (YAML 1.1), as Flux's YAMLToJSON reads the substituted text
            parsed = YamlReader.readOne(out, "'" + describe + "' after variable substitution", true);
        } catch (KustomizeException e) {
            throw RenderException.build("post build failed for '" + describe + "': " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw RenderException.build("post build failed for '" + describe + "': after variable substitution it is no longer a YAML mapping");
        }
        return (Map<String, Object>) parsed;
    }
}
