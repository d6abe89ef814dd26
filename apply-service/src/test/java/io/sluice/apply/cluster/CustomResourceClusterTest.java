package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.apply.ssa.ApplyException;
import io.sluice.apply.ssa.ObjectRef;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sluice.apply.cluster.ClusterFixtures.REV2;
import static io.sluice.apply.cluster.ClusterFixtures.SETTINGS;
import static io.sluice.apply.cluster.ClusterFixtures.first;
import static io.sluice.apply.cluster.ClusterFixtures.namespace;
import static io.sluice.apply.cluster.ClusterFixtures.next;
import static io.sluice.apply.cluster.ClusterFixtures.objects;
import static io.sluice.apply.cluster.ClusterFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A CRD and custom resources of its kind on a real API server: the CRD is established asynchronously
 * (the sandbox establishes it inside the create request), its kind appears in discovery only then, and
 * its OpenAPI schema is enforced (the sandbox stores anything). Each test defines its own API group
 * ({@code <namespace>.sluice.io}) so they do not share a CRD.
 */
class CustomResourceClusterTest extends ClusterTest {

    @Test
    void aCrdAndItsCustomResourceInOneRevisionAreAppliedCrdFirstOnceEstablished() {
        // The worst order: the custom resource comes before its CRD and its Namespace.
        List<GenericKubernetesResource> revision = objects(stream(widget("small", "size: 2"), ClusterFixtures.widgetCrd(group()), namespace()), ns);

        RevisionApplier.Result result = revisions.apply(first(revision, false, Duration.ofMinutes(2)));

        assertThat(result.changeSet().entries()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action).containsExactly(
                tuple("CustomResourceDefinition/widgets." + group(), ChangeAction.CREATED),
                tuple("Namespace/" + ns, ChangeAction.CREATED),
                tuple("Widget/" + ns + "/small", ChangeAction.CREATED));
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group()).get();
        assertThat(crd.getStatus().getConditions())
                .anySatisfy(c -> assertThat(List.of(c.getType(), c.getStatus())).containsExactly("Established", "True"));
        GenericKubernetesResource widget = client.genericKubernetesResources(group() + "/v1", "Widget").inNamespace(ns).withName("small").get();
        assertThat(widget.getAdditionalProperties().get("spec")).isEqualTo(Map.of("size", 2));

        RevisionApplier.Result again = revisions.apply(next(revision, ClusterFixtures.REV1, result));
        assertThat(again.changeSet().entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED);
    }

    @Test
    void customResourcesTheCrdSchemaRejectsFailTheDryRunAndNothingIsWritten() {
        cluster.assume(Capability.VALIDATES_CUSTOM_RESOURCES);
        RevisionApplier.Result installed = revisions.apply(first(objects(stream(ClusterFixtures.widgetCrd(group()), namespace()), ns), false, Duration.ofMinutes(2)));
        List<GenericKubernetesResource> revision = objects(stream(ClusterFixtures.widgetCrd(group()), namespace(), SETTINGS,
                widget("wrong-type", "size: big"), widget("too-small", "size: 0"), widget("no-size", "color: red")), ns);

        assertThatThrownBy(() -> revisions.apply(next(revision, REV2, installed)))
                .isInstanceOfSatisfying(ApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                    assertThat(e.failures()).extracting(ApplyException.Failure::object).containsExactlyInAnyOrder(
                            widgetRef("wrong-type"), widgetRef("too-small"), widgetRef("no-size"));
                    assertThat(e.failures()).allSatisfy(failure -> assertThat(failure.message()).contains("spec.size"));
                });

        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).as("nothing of the revision is written").isNull();
        assertThat(client.genericKubernetesResources(group() + "/v1", "Widget").inNamespace(ns).list().getItems()).isEmpty();
    }

    /** This test's API group: its namespace under sluice.io. */
    private String group() {
        return ns + ".sluice.io";
    }

    private ObjectRef widgetRef(String name) {
        return new ObjectRef(group() + "/v1", "Widget", ns, name);
    }

    /** A Widget with the given spec (one YAML line). */
    private String widget(String name, String specLine) {
        return """
                apiVersion: %1$s/v1
                kind: Widget
                metadata:
                  name: %2$s
                  namespace: @ns@
                spec:
                  %3$s
                """.formatted(group(), name, specLine);
    }
}
