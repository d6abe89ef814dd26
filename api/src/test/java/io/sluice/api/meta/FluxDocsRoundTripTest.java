package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest in flux-docs parses into its typed class, every field in it is modelled, and it serializes
 * back to the same JSON: nothing lost, nothing added.
 */
class FluxDocsRoundTripTest {

    /** Hides the unknown-fields map: what is left is what the typed getters carry. */
    abstract static class WithoutUnknownFields {
        @JsonIgnore
        @JsonAnyGetter(enabled = false)
        abstract Map<String, Object> getAdditionalProperties();
    }

    private static final ObjectMapper MODELLED_ONLY = Serialization.jsonMapper().copy()
            .addMixIn(KeepsUnknownFields.class, WithoutUnknownFields.class);

    static List<FluxDocs.Doc> docs() {
        return FluxDocs.all();
    }

    @Test
    void thereIsAtLeastOneDocumentPerKind() {
        Set<String> kinds = docs().stream().map(FluxDocs.Doc::kind).collect(Collectors.toSet());
        Set<String> expected = FluxKinds.ALL.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docs")
    void parsesIntoTheClassForItsKind(FluxDocs.Doc doc) {
        CustomResource<?, ?> typed = doc.typed();

        assertThat(typed.getKind()).isEqualTo(doc.kind());
        assertThat(typed.getApiVersion()).isEqualTo(doc.apiVersion());
        assertThat(typed.getMetadata().getName()).isEqualTo(doc.tree().at("/metadata/name").asText());
        assertThat(typed.getSpec()).isNotNull();
        assertThat(((KeepsUnknownFields) typed.getSpec()).getAdditionalProperties()).isEmpty();
        if (typed.getStatus() != null) {
            assertThat(typed.getStatus()).isInstanceOf(FluxStatus.class);
            assertThat(((KeepsUnknownFields) typed.getStatus()).getAdditionalProperties()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docs")
    void everyFieldIsModelled(FluxDocs.Doc doc) throws Exception {
        CustomResource<?, ?> typed = doc.typed();

        JsonNode modelled = FluxDocs.tree(MODELLED_ONLY.writeValueAsString(typed));

        // If a field were only in an additionalProperties map, at any depth, it would be missing here:
        // this is how we check that additionalProperties is empty everywhere without walking the objects.
        assertThat(modelled).isEqualTo(doc.tree());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("docs")
    void serializesBackToTheSameJson(FluxDocs.Doc doc) {
        CustomResource<?, ?> typed = doc.typed();

        JsonNode written = FluxDocs.tree(Serialization.asJson(typed));

        assertThat(written).isEqualTo(doc.tree());
        // And once more through YAML, as the CLI prints objects.
        assertThat(FluxDocs.tree(Serialization.asYaml(typed))).isEqualTo(doc.tree());
    }

    @Test
    void anUnknownFieldSurvivesTheRoundTrip() {
        ObjectNode tree = (ObjectNode) FluxDocs.named("gitrepository.yaml").tree();
        ((ObjectNode) tree.get("spec")).putObject("fromAFutureFlux").put("enabled", true).put("level", 3);
        ((ObjectNode) tree.at("/spec/ref")).put("futureRef", "refs/heads/next");
        ((ObjectNode) tree.at("/status/artifact")).put("signature", "sig-1");
        ((ObjectNode) tree.withArray("/spec/include").get(0)).put("recursive", false);

        GitRepository repository = Serialization.unmarshal(tree.toString(), GitRepository.class);
        GitRepositorySpec spec = repository.getSpec();

        assertThat(spec.getAdditionalProperties()).containsOnlyKeys("fromAFutureFlux");
        assertThat(spec.getAdditionalProperties().get("fromAFutureFlux")).isEqualTo(Map.of("enabled", true, "level", 3));
        assertThat(spec.getRef().getAdditionalProperties()).containsEntry("futureRef", "refs/heads/next");
        assertThat(repository.getStatus().getArtifact().getAdditionalProperties()).containsEntry("signature", "sig-1");
        assertThat(spec.getInclude().get(0).getAdditionalProperties()).containsEntry("recursive", false);
        // the modelled fields next to them are still read
        assertThat(spec.getRef().getBranch()).isEqualTo("master");

        assertThat(FluxDocs.tree(Serialization.asJson(repository))).isEqualTo(FluxDocs.tree(tree.toString()));
    }

    @Test
    void nullValuesInsideHelmValuesAreKept() {
        JsonNode values = FluxDocs.tree(Serialization.asJson(FluxDocs.named("helmrelease.yaml").typed())).at("/spec/values");

        assertThat(values.has("nothing")).isTrue();
        assertThat(values.get("nothing").isNull()).isTrue();
        assertThat(values.get("podAnnotations").isEmpty()).isTrue();
    }

    @Test
    void anEmptyObjectWritesNoFields() {
        GitRepository repository = new GitRepository();
        repository.setSpec(new GitRepositorySpec());

        JsonNode written = FluxDocs.tree(Serialization.asJson(repository));

        assertThat(written.get("spec").isEmpty()).isTrue();
        assertThat(written.has("status")).isFalse();
    }
}
