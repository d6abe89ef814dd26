package io.sluice.render.substitute;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.kustomize.PostBuild;
import io.sluice.api.kustomize.SubstituteReference;
import io.sluice.render.build.RenderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariableSubstitutionTest {

    private final VariableSubstitution strict = new VariableSubstitution(true);

    static Kustomization kustomization(Map<String, String> substitute, SubstituteReference... from) {
        PostBuild postBuild = new PostBuild();
        postBuild.setSubstitute(substitute);
        postBuild.setSubstituteFrom(from.length == 0 ? null : List.of(from));
        KustomizationSpec spec = new KustomizationSpec();
        spec.setPostBuild(postBuild);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace("flux-system").withName("apps").build());
        ks.setSpec(spec);
        return ks;
    }

    static SubstituteReference ref(String kind, String name, Boolean optional) {
        SubstituteReference r = new SubstituteReference();
        r.setKind(kind);
        r.setName(name);
        r.setOptional(optional);
        return r;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> configMap(Map<String, Object> metadataExtra, Map<String, Object> data) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "settings");
        meta.putAll(metadataExtra);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "v1");
        o.put("kind", "ConfigMap");
        o.put("metadata", meta);
        o.put("data", new LinkedHashMap<>(data));
        return o;
    }

    @Test
    void later_sources_override_earlier_ones_and_inline_substitute_wins() {
        MapVariableSource source = new MapVariableSource()
                .configMap("flux-system", "first", Map.of("a", "cm-first", "b", "cm-first", "c", "cm-first"))
                .secret("flux-system", "second", Map.of("b", b64("secret-second"), "c", b64("secret-second")));
        Kustomization ks = kustomization(Map.of("c", "inline"),
                ref("ConfigMap", "first", null), ref("Secret", "second", null));

        VariableSubstitution.Variables vars = strict.resolve(ks, source);

        assertThat(vars.values()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "cm-first", "b", "secret-second", "c", "inline"));
    }

    @Test
    void sources_are_read_from_the_kustomization_namespace() {
        MapVariableSource source = new MapVariableSource().configMap("other", "vars", Map.of("a", "1"));
        Kustomization ks = kustomization(null, ref("ConfigMap", "vars", null));

        assertThatThrownBy(() -> strict.resolve(ks, source))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("ConfigMap flux-system/vars not found")
                .hasMessageContaining("optional: true");
    }

    @Test
    void optional_missing_source_is_tolerated() {
        Kustomization ks = kustomization(Map.of("x", "1"), ref("Secret", "absent", true), ref("ConfigMap", "absent", true));

        assertThat(strict.resolve(ks, VariableSource.none()).values()).isEqualTo(Map.of("x", "1"));
    }

    @Test
    void required_missing_source_fails_with_build_failed() {
        Kustomization ks = kustomization(null, ref("Secret", "absent", false));

        assertThatThrownBy(() -> strict.resolve(ks, VariableSource.none()))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("BuildFailed"))
                .hasMessageContaining("substitute from 'Secret/absent'");
    }

    @Test
    void lookup_failure_other_than_not_found_fails_the_render() {
        VariableSource broken = new VariableSource() {
            @Override
            public java.util.Optional<Map<String, String>> configMap(String namespace, String name) {
                throw new IllegalStateException("forbidden: render-service cannot get configmaps");
            }

            @Override
            public java.util.Optional<Map<String, String>> secret(String namespace, String name) {
                return java.util.Optional.empty();
            }
        };
        Kustomization ks = kustomization(null, ref("ConfigMap", "vars", true));

        assertThatThrownBy(() -> strict.resolve(ks, broken)).hasMessageContaining("forbidden");
    }

    @Test
    void secret_values_are_base64_decoded_and_newlines_removed() {
        MapVariableSource source = new MapVariableSource()
                .secret("flux-system", "s", Map.of("token", b64("abc\n")))
                .configMap("flux-system", "c", Map.of("multi", "line1\nline2"));
        Kustomization ks = kustomization(null, ref("Secret", "s", null), ref("ConfigMap", "c", null));

        assertThat(strict.resolve(ks, source).values()).isEqualTo(Map.of("token", "abc", "multi", "line1line2"));
    }

    @Test
    void bad_base64_in_secret_names_the_key() {
        MapVariableSource source = new MapVariableSource().secret("flux-system", "s", Map.of("token", "not base64!"));

        assertThatThrownBy(() -> strict.resolve(kustomization(null, ref("Secret", "s", null)), source))
                .hasMessageContaining("key 'token' is not valid base64");
    }

    @Test
    void invalid_variable_name_is_rejected() {
        assertThatThrownBy(() -> strict.resolve(kustomization(Map.of("1bad", "x")), VariableSource.none()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("'1bad' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'");
        assertThatThrownBy(() -> strict.resolve(kustomization(Map.of("with-dash", "x")), VariableSource.none()))
                .hasMessageContaining("'with-dash' var name is invalid");
    }

    @Test
    void unknown_reference_kind_is_rejected() {
        assertThatThrownBy(() -> strict.resolve(kustomization(null, ref("Deployment", "x", null)), VariableSource.none()))
                .hasMessageContaining("spec.postBuild.substituteFrom[0].kind must be ConfigMap or Secret");
    }

    @Test
    void substitutes_values_and_keeps_types_and_escapes() {
        VariableSubstitution.Variables vars = strict.resolve(kustomization(Map.of("env", "prod", "replicas", "3")), VariableSource.none());
        Map<String, Object> object = configMap(Map.of(), Map.of("env", "${env}", "region", "${region:=eu-west-1}", "kept", "$${env}"));

        Map<String, Object> out = strict.apply(object, vars, "ConfigMap/settings");

        assertThat((Map<String, Object>) out.get("data"))
                .containsEntry("env", "prod").containsEntry("region", "eu-west-1").containsEntry("kept", "${env}");
    }

    @Test
    void unquoted_number_after_substitution_becomes_a_number() {
        VariableSubstitution.Variables vars = strict.resolve(kustomization(Map.of("replicas", "3")), VariableSource.none());
        Map<String, Object> object = new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "web"), "spec", Map.of("replicas", "${replicas}")));

        Map<String, Object> out = strict.apply(object, vars, "Deployment/web");

        // "${replicas}" needs no quotes, so the text becomes 'replicas: 3': a number, as in Flux (that is why
        // Flux users can write replicas: ${replicas})
        assertThat(((Map<?, ?>) out.get("spec")).get("replicas")).isEqualTo(3L);
    }

    @Test
    void strict_mode_fails_on_unset_variable_naming_object_and_variable() {
        VariableSubstitution.Variables vars = strict.resolve(kustomization(Map.of("env", "prod")), VariableSource.none());
        Map<String, Object> object = configMap(Map.of(), Map.of("x", "${cluster_name}"));

        assertThatThrownBy(() -> strict.apply(object, vars, "ConfigMap/apps/settings"))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("BuildFailed"))
                .hasMessageContaining("post build failed for 'ConfigMap/apps/settings'")
                .hasMessageContaining("variable not set (strict mode): \"cluster_name\"");
    }

    @Test
    void without_strict_mode_unset_variable_becomes_empty() {
        VariableSubstitution lenient = new VariableSubstitution(false);
        VariableSubstitution.Variables vars = lenient.resolve(kustomization(Map.of("env", "prod")), VariableSource.none());

        Map<String, Object> out = lenient.apply(configMap(Map.of(), Map.of("x", "a${cluster_name}b")), vars, "ConfigMap/settings");

        assertThat((Map<String, Object>) out.get("data")).containsEntry("x", "ab");
    }

    @Test
    void opt_out_by_label_or_annotation_leaves_object_alone() {
        VariableSubstitution.Variables vars = strict.resolve(kustomization(Map.of("env", "prod")), VariableSource.none());
        Map<String, Object> byLabel = configMap(Map.of("labels", Map.of(VariableSubstitution.OPT_OUT_KEY, "disabled")),
                Map.of("x", "${unset_is_fine_here}"));
        Map<String, Object> byAnnotation = configMap(Map.of("annotations", Map.of(VariableSubstitution.OPT_OUT_KEY, "disabled")),
                Map.of("x", "${env}"));

        assertThat(strict.apply(byLabel, vars, "ConfigMap/a")).isSameAs(byLabel);
        assertThat((Map<String, Object>) strict.apply(byAnnotation, vars, "ConfigMap/b").get("data")).containsEntry("x", "${env}");
    }

    @Test
    void no_variables_means_no_substitution_unless_strategy_always() {
        Map<String, Object> object = configMap(Map.of(), Map.of("x", "${region:=eu-west-1}"));
        Kustomization ks = kustomization(null);

        assertThat(strict.apply(object, strict.resolve(ks, VariableSource.none()), "ConfigMap/settings")).isSameAs(object);

        ks.getSpec().getPostBuild().setAdditionalProperty("substituteStrategy", "Always");
        Map<String, Object> out = strict.apply(object, strict.resolve(ks, VariableSource.none()), "ConfigMap/settings");
        assertThat((Map<String, Object>) out.get("data")).containsEntry("x", "eu-west-1");
    }

    @Test
    void substitution_breaking_the_yaml_is_reported() {
        VariableSubstitution.Variables vars = strict.resolve(kustomization(Map.of("bad", "a: b: c")), VariableSource.none());
        Map<String, Object> object = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "x", "labels", Map.of("k", "${bad}"))));
        // "${bad}" is printed plain (no quotes needed), so the value turns into a nested mapping: invalid YAML
        assertThatThrownBy(() -> strict.apply(object, vars, "ConfigMap/x"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("post build failed for 'ConfigMap/x'");
    }
}
