package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final String CONFIG_MAP = "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'a','namespace':'n',"
            + "'labels':{'x':'1','y':'2'}},'data':{'k':'v','n':'3'}}";

    @Test
    void theDigestIgnoresFieldOrderButNotValues() {
        ObjectNode reordered = json("{'kind':'ConfigMap','data':{'n':'3','k':'v'},'apiVersion':'v1',"
                + "'metadata':{'labels':{'y':'2','x':'1'},'namespace':'n','name':'a'}}");
        ObjectNode changed = json(CONFIG_MAP.replace("'k':'v'", "'k':'w'"));

        assertThat(AppliedDigest.of(json(CONFIG_MAP))).startsWith("sha256:").hasSize(7 + 64).isEqualTo(AppliedDigest.of(reordered));
        assertThat(AppliedDigest.of(changed)).isNotEqualTo(AppliedDigest.of(json(CONFIG_MAP)));
    }

    @Test
    void theDigestLeavesItsOwnAnnotationOut() {
        ObjectNode annotated = AppliedDigest.annotate(json(CONFIG_MAP));

        assertThat(annotated.path("metadata").path("annotations").path(AppliedDigest.ANNOTATION).asText())
                .isEqualTo(AppliedDigest.of(json(CONFIG_MAP)));
        assertThat(AppliedDigest.of(annotated)).isEqualTo(AppliedDigest.of(json(CONFIG_MAP)));
    }

    @Test
    void aLiveObjectWithTheDigestAndAllValuesProvesUnchangedWhateverElseItHas() {
        ObjectNode desired = AppliedDigest.annotate(json(CONFIG_MAP));
        ObjectNode live = desired.deepCopy();
        ObjectNode metadata = (ObjectNode) live.get("metadata");
        metadata.put("resourceVersion", "42").put("uid", "u").putArray("managedFields").addObject().put("manager", "sluice");
        ((ObjectNode) metadata.get("annotations")).put("team", "blue");
        live.putObject("status").put("phase", "whatever");

        assertThat(AppliedDigest.provesUnchanged(desired, live)).isTrue();
    }

    @Test
    void anyChangedOrMissingValueOrAnotherDigestIsNoProof() {
        ObjectNode desired = AppliedDigest.annotate(json(CONFIG_MAP));
        ObjectNode edited = desired.deepCopy();
        ((ObjectNode) edited.get("data")).put("k", "edited");
        ObjectNode removed = desired.deepCopy();
        ((ObjectNode) removed.path("metadata").path("labels")).remove("x");
        ObjectNode noDigest = json(CONFIG_MAP);
        ObjectNode otherDigest = desired.deepCopy();
        ((ObjectNode) otherDigest.path("metadata").path("annotations")).put(AppliedDigest.ANNOTATION, "sha256:0");

        assertThat(AppliedDigest.provesUnchanged(desired, edited)).as("value edited by hand").isFalse();
        assertThat(AppliedDigest.provesUnchanged(desired, removed)).as("label removed by hand").isFalse();
        assertThat(AppliedDigest.provesUnchanged(desired, noDigest)).as("created by someone else").isFalse();
        assertThat(AppliedDigest.provesUnchanged(desired, otherDigest)).as("applied from another manifest").isFalse();
    }

    @Test
    void holdsComparesListsItemByItemNumbersByValueAndNullAsAbsent() {
        JsonNode desired = json("{'ports':[{'port':80},{'port':443}],'replicas':3,'gone':null}");

        assertThat(AppliedDigest.holds(json("{'ports':[{'port':80,'protocol':'TCP'},{'port':443}],'replicas':3.0}"), desired)).isTrue();
        assertThat(AppliedDigest.holds(json("{'ports':[{'port':443},{'port':80}],'replicas':3}"), desired)).as("order").isFalse();
        assertThat(AppliedDigest.holds(json("{'ports':[{'port':80},{'port':443},{'port':8080}],'replicas':3}"), desired))
                .as("an item added by someone else: left to the dry run").isFalse();
        assertThat(AppliedDigest.holds(json("{'ports':[{'port':80},{'port':443}],'replicas':'3'}"), desired)).as("type").isFalse();
        assertThat(AppliedDigest.holds(json("{'ports':[{'port':80},{'port':443}],'replicas':3,'gone':'back'}"), desired)).isFalse();
    }
}
