package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {

    private static ObjectNode configMap(String name, int value) {
        ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        object.putObject("metadata").put("name", name).put("namespace", "default");
        object.putObject("data").put("v", String.valueOf(value));
        return object;
    }

    private static WatchSession watchFrom(ObjectStore store, Long version) {
        return new WatchSession(store, ResourcePath.parse("/api/v1/namespaces/default/configmaps?watch=true").orElseThrow(),
                LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, version);
    }

    @Test
    void watchesResumeWithinTheHistoryAndAreToldToRelistBeyondIt() {
        ObjectStore store = new ObjectStore();
        ObjectRef ref = new ObjectRef("", "configmaps", "default", "busy");
        for (int i = 0; i <= ObjectStore.HISTORY; i++) {
            ObjectNode object = configMap("busy", i);
            store.nextResourceVersion();
            store.put(ref, object);
        }
        long now = store.resourceVersion();
        assertThat(store.attach(watchFrom(store, now - 10), now - 10)).as("recent version").isTrue();
        assertThat(store.attach(watchFrom(store, null), null)).as("no version: current state").isTrue();
        assertThat(store.attach(watchFrom(store, 0L), 0L)).as("older than the history").isFalse();
        assertThat(store.watchCount()).isEqualTo(2);
        assertThat(store.list("", "configmaps", "default", o -> true)).hasSize(1);
    }
}
