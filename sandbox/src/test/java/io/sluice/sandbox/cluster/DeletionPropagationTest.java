package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DELETE as a real server answers it and the garbage collector follows it: a Status for an object gone at once, the
 * object for one finalizers keep; Orphan and Foreground through their finalizers; objects whose owners do not
 * exist collected.
 */
class DeletionPropagationTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;
    private static RawApi api;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        api = RawApi.admin(cluster);
        client.resource(new NamespaceBuilder().withNewMetadata().withName("gc").endMetadata().build()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ConfigMap create(String name, ConfigMap owner, boolean blockOwnerDeletion, String... finalizers) {
        ConfigMapBuilder builder = new ConfigMapBuilder().withNewMetadata().withNamespace("gc").withName(name)
                .withFinalizers(List.of(finalizers)).endMetadata();
        if (owner != null) {
            builder.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1")
                    .withKind("ConfigMap").withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                    .withBlockOwnerDeletion(blockOwnerDeletion ? true : null).build()).endMetadata();
        }
        return client.resource(builder.build()).create();
    }

    private static ConfigMap get(String name) {
        return client.configMaps().inNamespace("gc").withName(name).get();
    }

    @Test
    void anObjectGoneAtOnceIsAnsweredWithAStatusAndItsDependentsAreCollected() {
        ConfigMap owner = create("owner", null, false);
        create("dependent", owner, false);

        JsonNode answer = api.send("DELETE", "/api/v1/namespaces/gc/configmaps/owner", null).json();

        assertThat(answer.path("kind").asText()).isEqualTo("Status");
        assertThat(answer.path("status").asText()).isEqualTo("Success");
        assertThat(answer.path("details").path("name").asText()).isEqualTo("owner");
        assertThat(answer.path("details").path("kind").asText()).isEqualTo("configmaps");
        assertThat(answer.path("details").path("uid").asText()).isEqualTo(owner.getMetadata().getUid());
        assertThat(get("dependent")).isNull();
    }

    @Test
    void anObjectWithFinalizersIsAnsweredWithItselfTerminatingAndTakesNoNewFinalizers() {
        create("held", null, false, "example.com/hold");

        JsonNode answer = api.send("DELETE", "/api/v1/namespaces/gc/configmaps/held", null).json();

        assertThat(answer.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(answer.path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
        assertThat(answer.path("metadata").path("deletionGracePeriodSeconds").asInt(-1)).isZero();
        RawApi.Answer added = api.send("PATCH", "/api/v1/namespaces/gc/configmaps/held",
                "{\"metadata\":{\"finalizers\":[\"example.com/hold\",\"example.com/more\"]}}",
                "Content-Type", "application/merge-patch+json");
        assertThat(added.code()).isEqualTo(422);
        assertThat(added.json().path("message").asText()).isEqualTo("ConfigMap \"held\" is invalid: metadata.finalizers: "
                + "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers "
                + "[]string{\"example.com/more\"}");
    }

    @Test
    void orphanKeepsTheDependentsWithoutTheirReference() {
        ConfigMap owner = create("orphaner", null, false);
        create("orphan", owner, false);

        client.configMaps().inNamespace("gc").withName("orphaner").withPropagationPolicy(DeletionPropagation.ORPHAN).delete();

        assertThat(get("orphaner")).isNull();
        assertThat(get("orphan").getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void foregroundKeepsTheOwnerUntilItsBlockingDependentsAreGone() {
        ConfigMap owner = create("parent", null, false);
        create("child", owner, true, "example.com/hold");

        client.configMaps().inNamespace("gc").withName("parent").withPropagationPolicy(DeletionPropagation.FOREGROUND)
                .delete();

        assertThat(get("parent").getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
        assertThat(get("child").getMetadata().getDeletionTimestamp()).as("the child is being deleted").isNotNull();
        client.configMaps().inNamespace("gc").withName("child").edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        assertThat(get("child")).isNull();
        assertThat(get("parent")).as("the owner goes after its blocking child").isNull();
    }

    @Test
    void anObjectWhoseOwnerDoesNotExistIsCollected() {
        ConfigMap ghost = new ConfigMapBuilder().withNewMetadata().withName("ghost")
                .withUid("11111111-2222-3333-4444-555555555555").endMetadata().build();
        create("dangling", ghost, false);

        assertThat(get("dangling")).isNull();
    }

    @Test
    void anUnknownPropagationPolicyIsRefused() {
        create("policy", null, false);
        RawApi.Answer answer = api.send("DELETE", "/api/v1/namespaces/gc/configmaps/policy?propagationPolicy=Sideways", null);
        assertThat(answer.code()).isEqualTo(422);
        assertThat(answer.json().path("message").asText()).isEqualTo("DeleteOptions.meta.k8s.io \"\" is invalid: "
                + "propagationPolicy: Unsupported value: \"Sideways\": supported values: \"Foreground\", \"Background\", "
                + "\"Orphan\", \"nil\"");
        assertThat(get("policy")).isNotNull();
    }
}
