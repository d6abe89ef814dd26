package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.apply.realserver.RealServerStub;
import io.sluice.apply.realserver.RecordedAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the live state of a set, against answers shaped as a real API server gives them ({@link RealServerStub}):
 * which requests are sent (one LIST for a large group of one kind and namespace, GETs otherwise), and what comes back
 * (each object as a GET shows it, whether it was listed or not).
 */
class LiveObjectsTest {

    @RegisterExtension
    final RealServerStub server = RealServerStub.start();
    private final ApiCalls api = new ApiCalls(server.client());

    private static ObjectRef configMap(String namespace, String name) {
        return new ObjectRef("v1", "ConfigMap", namespace, name);
    }

    /** A ConfigMap as a real server holds it (08-ssa-basics step 1, renamed). */
    private void storeConfigMap(String namespace, String name) {
        ObjectNode recorded = RecordedAnswers.step("08-ssa-basics", 1).body();
        ((ObjectNode) recorded.get("metadata")).put("name", name).put("namespace", namespace);
        server.store(recorded);
    }

    private List<String> paths() {
        return server.requests().stream().map(RealServerStub.Request::path).filter(path -> !path.equals("/api/v1")).toList();
    }

    @Test
    void aLargeGroupIsOneListAndItsItemsReadAsAGetWouldShowThem() {
        List<ObjectRef> refs = new ArrayList<>();
        for (int i = 0; i < LiveObjects.LIST_THRESHOLD; i++) {
            storeConfigMap("apps", "cm-" + i);
            refs.add(configMap("apps", "cm-" + i));
        }
        refs.add(configMap("apps", "not-there"));
        LiveObjects live = new LiveObjects();

        live.read(api, refs);

        assertThat(paths()).containsExactly("/api/v1/namespaces/apps/configmaps");
        ObjectNode listed = live.get(configMap("apps", "cm-3"));
        ObjectNode got = api.get(configMap("apps", "cm-3")).join().orElseThrow();
        // the real server's list items carry no apiVersion and kind; the managedFields are left out when listing
        ((ObjectNode) got.get("metadata")).remove("managedFields");
        assertThat(listed).isEqualTo(got);
        assertThat(listed.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(listed.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(live.get(configMap("apps", "not-there"))).isNull();
    }

    @Test
    void emptyMapsAndListsOfAListedObjectAreKept() {
        // 16-deployment-defaults: containers carry resources: {}, the pod template securityContext: {}
        ObjectNode recorded = RecordedAnswers.step("16-deployment-defaults", 4).body();
        List<ObjectRef> refs = new ArrayList<>();
        for (int i = 0; i < LiveObjects.LIST_THRESHOLD; i++) {
            ObjectNode deployment = recorded.deepCopy();
            ObjectNode metadata = (ObjectNode) deployment.get("metadata");
            metadata.put("name", "d-" + i).put("namespace", "apps").putArray("finalizers");
            server.store(deployment);
            refs.add(new ObjectRef("apps/v1", "Deployment", "apps", "d-" + i));
        }
        LiveObjects live = new LiveObjects();

        live.read(api, refs);

        ObjectNode listed = live.get(refs.get(0));
        assertThat(listed.at("/spec/template/spec/containers/0/resources").isObject()).isTrue();
        assertThat(listed.at("/spec/template/spec/securityContext").isObject()).isTrue();
        assertThat(listed.at("/status").isObject()).isTrue();
        assertThat(listed.at("/metadata/finalizers").isArray()).isTrue();
        assertThat(listed.at("/metadata/managedFields").isMissingNode()).isTrue();
    }

    @Test
    void aSmallGroupAndClusterScopedObjectsAreReadOneByOne() {
        storeConfigMap("apps", "one");
        List<ObjectRef> namespaces = IntStream.range(0, LiveObjects.LIST_THRESHOLD)
                .mapToObj(i -> new ObjectRef("v1", "Namespace", "", "ns-" + i)).toList();
        List<ObjectRef> refs = new ArrayList<>(namespaces);
        refs.add(configMap("apps", "one"));
        refs.add(configMap("apps", "two"));
        LiveObjects live = new LiveObjects();

        live.read(api, refs);

        assertThat(paths()).hasSize(LiveObjects.LIST_THRESHOLD + 2)
                .contains("/api/v1/namespaces/ns-0", "/api/v1/namespaces/apps/configmaps/one", "/api/v1/namespaces/apps/configmaps/two")
                .doesNotContain("/api/v1/namespaces", "/api/v1/namespaces/apps/configmaps");
        assertThat(live.get(configMap("apps", "one")).path("metadata").path("name").asText()).isEqualTo("one");
        assertThat(live.get(configMap("apps", "two"))).isNull();
        assertThat(live.get(namespaces.get(0))).isNull();
    }

    @Test
    void aRefusedListFallsBackToGetsWhichReportTheRefusalPerObject() {
        List<ObjectRef> refs = new ArrayList<>();
        for (int i = 0; i < LiveObjects.LIST_THRESHOLD; i++) {
            refs.add(configMap("apps", "cm-" + i));
        }
        // 29-rbac-impersonation: a service account may neither list nor get ConfigMaps
        RecordedAnswers.Step listRefused = RecordedAnswers.step("29-rbac-impersonation", 3);
        RecordedAnswers.Step getRefused = RecordedAnswers.step("29-rbac-impersonation", 4);
        server.answer(r -> r.path().equals("/api/v1/namespaces/apps/configmaps"), listRefused.status(), listRefused.body());
        server.answer(r -> r.path().startsWith("/api/v1/namespaces/apps/configmaps/"), getRefused.status(), getRefused.body());
        LiveObjects live = new LiveObjects();

        live.read(api, refs);

        assertThat(paths()).hasSize(1 + LiveObjects.LIST_THRESHOLD).first().isEqualTo("/api/v1/namespaces/apps/configmaps");
        assertThatThrownBy(() -> live.get(refs.get(0))).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(ServerErrors.message(e)).contains("cannot get resource \"configmaps\"").endsWith("(HTTP 403)"));
    }

    @Test
    void aKindTheServerDoesNotServeIsAnErrorForEachOfItsObjectsAndAnotherReadClearsIt() {
        ObjectRef gadget = new ObjectRef("nothing.sluice.io/v1", "Gadget", "apps", "g");
        LiveObjects live = new LiveObjects();

        live.read(api, List.of(gadget));

        assertThatThrownBy(() -> live.get(gadget)).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(ServerErrors.message(e)).isEqualTo(ServerErrors.NOT_SERVED));
        storeConfigMap("apps", "later");
        live.read(api, List.of(configMap("apps", "later")));
        assertThat(live.get(configMap("apps", "later"))).isNotNull();
    }

    @Test
    void anObjectNeverReadIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> new LiveObjects().get(configMap("apps", "unread")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ConfigMap/apps/unread was not read");
    }
}
