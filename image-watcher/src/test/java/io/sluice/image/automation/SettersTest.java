package io.sluice.image.automation;

import io.sluice.api.image.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each file under {@code setters/original/}, updated with the policies below, must equal the file of the same name
 * under {@code setters/expected/} byte for byte: only the marked values change.
 */
class SettersTest {

    private static final Map<String, ImageRef> POLICIES = Map.of(
            "flux-system:app", ImageRef.of("registry.example/team/app", "1.0.1", null),
            "flux-system:sidecar", ImageRef.of("registry.example/team/sidecar", "0.2.0", null),
            "flux-system:other", ImageRef.of("registry.example/team/other", "2.0.0", null),
            "flux-system:pinned", ImageRef.of("registry.example/team/pinned", "2.1.0", "sha256:abcdef0123456789"));

    @ParameterizedTest
    @ValueSource(strings = {"deployment.yaml", "kustomization.yml"})
    void onlyTheMarkedValuesChange(String file) throws IOException {
        UpdateResult result = new UpdateResult();
        Setters.FileUpdate update = Setters.apply(file, read("original/" + file), POLICIES, result);
        assertThat(update.problems()).isEmpty();
        assertThat(update.text()).isEqualTo(read("expected/" + file));
    }

    @Test
    void changesAreReportedPerFileAndObject() throws IOException {
        UpdateResult result = new UpdateResult();
        Setters.apply("deploy/deployment.yaml", read("original/deployment.yaml"), POLICIES, result);
        UpdateResult.ObjectId deployment = new UpdateResult.ObjectId("apps/v1", "Deployment", "apps", "app");
        assertThat(result.fileChanges()).containsOnlyKeys("deploy/deployment.yaml");
        assertThat(result.fileChanges().get("deploy/deployment.yaml")).containsOnlyKeys(deployment);
        assertThat(result.changes()).containsExactly(
                new UpdateResult.Change("registry.example/team/app:1.0.0", "registry.example/team/app:1.0.1", "flux-system:app"),
                new UpdateResult.Change("registry.example/team/sidecar:0.1.0", "registry.example/team/sidecar:0.2.0", "flux-system:sidecar"));
        assertThat(result.objects().get(deployment)).hasSize(3);
    }

    @Test
    void aMarkerNamingAMissingPolicyIsAProblemWithItsLine() {
        UpdateResult result = new UpdateResult();
        Setters.FileUpdate update = Setters.apply("deploy/app.yaml", "spec:\n  image: a:1 # {\"$imagepolicy\": \"flux-system:gone\"}\n", POLICIES, result);
        assertThat(update.problems()).containsExactly(new Setters.Problem("deploy/app.yaml", 2,
                "marker names ImagePolicy flux-system/gone, which is not one of this automation's policies (it does not exist, is in another namespace, or spec.policySelector leaves it out)"));
        assertThat(result.isEmpty()).isTrue();
    }

    @Test
    void aPolicyWithoutALatestImageYetLeavesItsMarkersWithoutAProblem() {
        java.util.Map<String, ImageRef> unresolved = new java.util.HashMap<>(POLICIES);
        unresolved.put("flux-system:new", null);
        String text = "image: a:1 # {\"$imagepolicy\": \"flux-system:new\"}\n";
        Setters.FileUpdate update = Setters.apply("x.yaml", text, unresolved, new UpdateResult());
        assertThat(update.problems()).isEmpty();
        assertThat(update.text()).isEqualTo(text);
    }

    @Test
    void aMarkedKeyWithANestedValueChangesNothing() {
        UpdateResult result = new UpdateResult();
        String text = "spec: # {\"$imagepolicy\": \"flux-system:app\"}\n  image: a:1\n";
        assertThat(Setters.apply("x.yaml", text, POLICIES, result).text()).isEqualTo(text);
        assertThat(result.isEmpty()).isTrue();
    }

    @Test
    void notYamlNamesTheFileAndLine() {
        assertThatThrownBy(() -> Setters.apply("deploy/bad.yaml", "a: [1,\nb: {\"$imagepolicy\"", POLICIES, new UpdateResult()))
                .hasMessageStartingWith("deploy/bad.yaml line").hasMessageContaining("is not valid YAML");
    }

    private static String read(String name) throws IOException {
        try (InputStream in = SettersTest.class.getResourceAsStream("/setters/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
