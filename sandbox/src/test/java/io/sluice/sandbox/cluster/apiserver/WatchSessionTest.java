package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** One watch's events: bookmarks, selectors an object enters and leaves, the end of the stream. */
class WatchSessionTest {

    private static ObjectNode configMap(String name, String label) {
        ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        object.putObject("metadata").put("name", name).put("namespace", "default").putObject("labels").put("sel", label);
        return object;
    }

    private static void put(ObjectStore store, ObjectNode object) {
        store.nextResourceVersion();
        store.put(new ObjectRef("", "configmaps", "default", object.path("metadata").path("name").asText()), object);
    }

    private static WatchSession session(ObjectStore store, String labelSelector, ObjectStoreTest.RecordingStream stream) {
        return new WatchSession(store, ResourcePath.parse("/api/v1/namespaces/default/configmaps?watch=true").orElseThrow(),
                LabelSelector.parse(labelSelector), FieldSelector.EVERYTHING, "ConfigMap", stream);
    }

    @Test
    void aBookmarkCarriesOnlyTheKindAndTheResourceVersionSeen() {
        ObjectStore store = new ObjectStore();
        put(store, configMap("a", "yes"));
        ObjectStoreTest.RecordingStream stream = new ObjectStoreTest.RecordingStream();
        WatchSession watch = session(store, null, stream);
        watch.start(store.resourceVersion());

        watch.bookmark();

        JsonNode bookmark = Json.parse(stream.events.get(0), "event");
        assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
        assertThat(bookmark.path("object").toString()).isEqualTo("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
                + "\"metadata\":{\"resourceVersion\":\"" + store.resourceVersion() + "\",\"creationTimestamp\":null}}");
    }

    @Test
    void anObjectLeavingTheSelectorIsDeletedInTheStateItLastMatchedIn() {
        ObjectStore store = new ObjectStore();
        ObjectStoreTest.RecordingStream stream = new ObjectStoreTest.RecordingStream();
        session(store, "sel=yes", stream).start(null);

        put(store, configMap("a", "yes"));
        put(store, configMap("a", "no"));
        put(store, configMap("a", "yes"));

        assertThat(stream.opened).isTrue();
        assertThat(stream.events).extracting(e -> Json.parse(e, "event")).extracting(
                e -> e.path("type").asText() + " sel=" + e.path("object").path("metadata").path("labels").path("sel").asText())
                .containsExactly("ADDED sel=yes", "DELETED sel=yes", "ADDED sel=yes");
    }

    @Test
    void theServerEndingAWatchClosesItsStreamAndItGetsNoMoreEvents() {
        ObjectStore store = new ObjectStore();
        ObjectStoreTest.RecordingStream stream = new ObjectStoreTest.RecordingStream();
        WatchSession watch = session(store, null, stream);
        watch.start(null);
        watch.end();
        put(store, configMap("late", "yes"));

        assertThat(stream.closed).isTrue();
        assertThat(stream.events).isEmpty();
        assertThat(store.watchCount()).isZero();
    }
}
