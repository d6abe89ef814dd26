package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.apply.realserver.RealServerStub;
import io.sluice.apply.realserver.RecordedAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a Namespace or CRD of the definitions stage can be used, judged on objects as a real API server returns them
 * (03-namespace-lifecycle, 19-crd-discovery), with API discovery from {@link RealServerStub}.
 */
class DefinitionReadinessTest {

    @RegisterExtension
    final RealServerStub server = RealServerStub.start();

    private String reason(ObjectNode live) {
        return DefinitionReadiness.notReadyReason(server.client(), live == null ? null : Manifests.object(live));
    }

    /** The CRD as the server answered its creation, with the status it had a moment later (step 2). */
    private static ObjectNode establishedCrd() {
        ObjectNode crd = RecordedAnswers.step("19-crd-discovery", 1).body();
        crd.set("status", RecordedAnswers.step("19-crd-discovery", 2).body().get("status"));
        return crd;
    }

    @Test
    void anObjectNotThereIsNotReady() {
        assertThat(reason(null)).isEqualTo("not found after apply");
    }

    @Test
    void anActiveNamespaceIsReadyATerminatingOneIsNot() {
        assertThat(reason(RecordedAnswers.step("03-namespace-lifecycle", 1).body())).isNull();
        assertThat(reason(RecordedAnswers.step("03-namespace-lifecycle", 11).body()))
                .isEqualTo("namespace is terminating; wait until it is gone and reconcile again");
    }

    @Test
    void anEstablishedCrdIsReady() {
        assertThat(reason(establishedCrd())).isNull();
    }

    @Test
    void aCrdWhoseEstablishedConditionIsNotTrueSaysWhy() {
        ObjectNode crd = establishedCrd();
        ArrayNode conditions = (ArrayNode) crd.path("status").path("conditions");
        ((ObjectNode) conditions.get(1)).put("status", "False").put("reason", "Installing").put("message", "the CRD is being installed");

        assertThat(reason(crd)).isEqualTo("not established: Installing the CRD is being installed");

        conditions.remove(1);
        assertThat(reason(crd)).as("NamesAccepted only").isEqualTo("no Established condition yet");
    }

    @Test
    void aCrdWithoutConditionsIsReadyOnlyOnceDiscoveryServesItsKind() {
        // what the real server answered at creation: status.conditions null
        ObjectNode created = RecordedAnswers.step("19-crd-discovery", 1).body();

        assertThat(reason(created)).isEqualTo("not established yet (no status, kind not served)");

        server.serveDiscovery(RecordedAnswers.step("19-crd-discovery", 4).body());
        assertThat(reason(created)).isNull();
    }

    @Test
    void otherDefinitionsAreReadyOnceTheyExist() {
        ObjectNode clusterRole = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        clusterRole.put("apiVersion", "rbac.authorization.k8s.io/v1").put("kind", "ClusterRole").putObject("metadata").put("name", "reader");

        assertThat(reason(clusterRole)).isNull();
    }
}
