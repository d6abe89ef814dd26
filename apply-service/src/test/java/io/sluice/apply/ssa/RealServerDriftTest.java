package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.apply.realserver.RealServerObjects;
import io.sluice.apply.realserver.RealServerStub;
import io.sluice.apply.realserver.RecordedAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A drift check (the same revision applied again) against answers shaped as a real kube-apiserver v1.28.7 gives them
 * ({@link RealServerStub}, bodies from sandbox/src/test/conformance/scenarios): LIST items without apiVersion and kind,
 * managedFields and server metadata on every object, defaults the server filled in, fields other managers own. Issue
 * 11 saw every drift check of 1,000 ConfigMaps re-write all of them on a real server and report false drift; here a
 * check that finds nothing changed sends no write and no dry run, and a hand edit is still caught.
 */
class RealServerDriftTest {

    private static final String NS = "apps";
    private static final String REVISION = "main@sha1:" + "a".repeat(40);
    private static final ApplyOptions OPTIONS = ApplyOptions.forKustomization("flux-system", "apps").withWaitTimeout(Duration.ofSeconds(5));

    @RegisterExtension
    final RealServerStub server = RealServerStub.start();

    /** What the server holds after Sluice applied {@code set}: each object as {@code asStored} makes it. */
    private void applied(DesiredSet set, java.util.function.Function<ObjectNode, ObjectNode> asStored) {
        for (DesiredObject object : set.objects()) {
            server.store(asStored.apply(object.tree()));
        }
    }

    /** A ConfigMap or Namespace Sluice applied, with the server's metadata as recorded (08-ssa-basics, 03-namespace-lifecycle). */
    private static ObjectNode storedPlain(ObjectNode applied) {
        if (applied.path("kind").asText().equals("Namespace")) {
            ObjectNode recorded = RecordedAnswers.step("03-namespace-lifecycle", 1).body();
            ObjectNode stored = RealServerObjects.withServerMetadata(applied, recorded);
            // what the server adds to every Namespace: the name label, the kubernetes finalizer, the phase
            ((ObjectNode) stored.path("metadata").path("labels")).put("kubernetes.io/metadata.name", applied.path("metadata").path("name").asText());
            stored.set("spec", recorded.get("spec"));
            stored.set("status", recorded.get("status"));
            return stored;
        }
        return RealServerObjects.withServerMetadata(applied, RecordedAnswers.step("08-ssa-basics", 1).body());
    }

    private static String configMaps(int count) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NS + "\n");
        for (int i = 1; i < count; i++) {
            yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-").append(i)
                    .append("\n  namespace: ").append(NS).append("\n  labels:\n    app: web\ndata:\n  index: \"").append(i)
                    .append("\"\n  greeting: hello\n");
        }
        return yaml.toString();
    }

    @Test
    void aNoChangeDriftCheckOfAThousandObjectsSendsNoWriteAndNoDryRunAndReportsNoDrift() {
        DesiredSet set = DesiredSet.parse(configMaps(1000), OPTIONS);
        applied(set, RealServerDriftTest::storedPlain);

        RevisionApplier.Result result = new RevisionApplier(server.client()).apply(new RevisionApplier.Request(set, REVISION, REVISION,
                Inventory.of(set.refs()), true, false, List.of(), Duration.ofMinutes(1), OPTIONS));

        assertThat(result.changeSet().entries()).hasSize(1000).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED);
        assertThat(result.drift().detected()).isFalse();
        assertThat(server.writes()).as("writes").isEmpty();
        assertThat(server.dryRuns()).as("dry runs").isEmpty();
        assertThat(server.requests()).as("one LIST of the ConfigMaps, one GET of the Namespace, discovery")
                .filteredOn(r -> !r.path().equals("/api/v1")).extracting(RealServerStub.Request::path)
                .containsExactlyInAnyOrder("/api/v1/namespaces/" + NS + "/configmaps", "/api/v1/namespaces/" + NS);
    }

    @Test
    void defaultsTheServerFilledIntoDeploymentsAreNotDrift() {
        // 16-deployment-defaults: a minimal Deployment applied (step 4) and the object the server made of it
        ObjectNode request = RecordedAnswers.step("16-deployment-defaults", 4).requestBody();
        ObjectNode answer = RecordedAnswers.step("16-deployment-defaults", 4).body();
        DesiredSet set = DesiredSet.of(Manifests.parse(deployments(request, 8)), OPTIONS);
        applied(set, applied -> RealServerObjects.mergedOver(sameName(answer, applied), applied));

        ChangeSet again = new StagedApplier(server.client()).apply(set, OPTIONS);

        assertThat(again.entries()).hasSize(8).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED);
        assertThat(server.writes()).isEmpty();
        assertThat(server.dryRuns()).as("every applied value is in place: no dry run needed").isEmpty();
        assertThat(server.requests()).extracting(RealServerStub.Request::path).contains("/apis/apps/v1/namespaces/" + NS + "/deployments");
    }

    @Test
    void fieldsOtherManagersOwnAreNotDriftAndCostOneDryRunButNoWrite() {
        // 34-ssa-gitops-deployment: the applier leaves replicas out (step 5), an autoscaler set 5 through /scale (step 2),
        // an injector applied a sidecar container (step 6); on top of the defaults of 16-deployment-defaults
        ObjectNode request = RecordedAnswers.step("34-ssa-gitops-deployment", 5).requestBody();
        ObjectNode othersOwn = RecordedAnswers.step("34-ssa-gitops-deployment", 6).body();
        ObjectNode defaults = RecordedAnswers.step("16-deployment-defaults", 4).body();
        DesiredSet set = DesiredSet.of(Manifests.parse(deployments(request, 8)), OPTIONS);
        applied(set, applied -> {
            ObjectNode stored = RealServerObjects.mergedOver(sameName(defaults, applied), applied);
            ((ObjectNode) stored.get("spec")).put("replicas", othersOwn.path("spec").path("replicas").asInt());
            ((ObjectNode) stored.path("spec").path("template").get("spec")).set("containers",
                    othersOwn.path("spec").path("template").path("spec").path("containers").deepCopy());
            return stored;
        });
        assertThat(server.stored("apps/v1", "Deployment", NS, "app-0").orElseThrow()
                .path("spec").path("template").path("spec").path("containers")).as("app and sidecar").hasSize(2);

        ChangeSet again = new StagedApplier(server.client()).apply(set, OPTIONS);

        assertThat(again.entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED);
        assertThat(server.writes()).isEmpty();
        assertThat(server.dryRuns()).as("a container someone else added: the dry run judges, and finds nothing to do").hasSize(8);
    }

    @Test
    void aValueChangedByHandIsStillDriftAndTheOnlyWrite() {
        DesiredSet set = DesiredSet.parse(configMaps(20), OPTIONS);
        applied(set, RealServerDriftTest::storedPlain);
        ObjectNode edited = server.stored("v1", "ConfigMap", NS, "settings-7").orElseThrow();
        ((ObjectNode) edited.get("data")).put("greeting", "changed by hand");
        server.store(edited);

        RevisionApplier.Result result = new RevisionApplier(server.client()).apply(new RevisionApplier.Request(set, REVISION, REVISION,
                Inventory.of(set.refs()), true, false, List.of(), Duration.ofMinutes(1), OPTIONS));

        assertThat(result.drift().drifted()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action)
                .containsExactly(tuple("ConfigMap/" + NS + "/settings-7", ChangeAction.CONFIGURED));
        assertThat(server.writes()).extracting(RealServerStub.Request::path).containsExactly("/api/v1/namespaces/" + NS + "/configmaps/settings-7");
        assertThat(server.stored("v1", "ConfigMap", NS, "settings-7").orElseThrow().path("data").path("greeting").asText()).isEqualTo("hello");
    }

    /** {@code count} copies of a recorded Deployment manifest, named app-0, app-1, ..., in {@link #NS}. */
    private static String deployments(ObjectNode manifest, int count) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ObjectNode copy = manifest.deepCopy();
            ((ObjectNode) copy.get("metadata")).put("name", "app-" + i).put("namespace", NS);
            yaml.append(copy).append("\n---\n");
        }
        return yaml.toString();
    }

    /** The recorded object under the applied object's name and namespace. */
    private static ObjectNode sameName(ObjectNode recorded, ObjectNode applied) {
        ObjectNode copy = recorded.deepCopy();
        ((ObjectNode) copy.get("metadata")).put("name", applied.path("metadata").path("name").asText())
                .put("namespace", applied.path("metadata").path("namespace").asText());
        return copy;
    }
}
