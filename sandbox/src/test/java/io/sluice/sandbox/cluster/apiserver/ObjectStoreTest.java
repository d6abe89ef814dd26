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

    private static WatchSession watch(ObjectStore store) {
        return new WatchSession(store, ResourcePath.parse("/api/v1/namespaces/default/configmaps?watch=true").orElseThrow(),
                LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, "ConfigMap", new RecordingStream());
    }

    private static boolean attach(ObjectStore store, Long version) {
        return store.attach(watch(store), version, "", "configmaps", "default");
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
        assertThat(attach(store, now - 10)).as("recent version").isTrue();
        assertThat(attach(store, null)).as("no version: current state").isTrue();
        assertThat(attach(store, 0L)).as("older than the history").isFalse();
        assertThat(store.watchCount()).isEqualTo(2);
        assertThat(store.list("", "configmaps", "default", o -> true)).hasSize(1);
    }

    private static ObjectNode object(String kind, String namespace, String name, String uid, String... ownerUids) {
        ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name).put("uid", uid);
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        for (String owner : ownerUids) {
            metadata.withArray("ownerReferences").addObject().put("kind", "Owner").put("name", "o").put("uid", owner);
        }
        return object;
    }

    private static void put(ObjectStore store, ObjectRef ref, ObjectNode object) {
        store.nextResourceVersion();
        store.put(ref, object);
    }

    @Test
    void listsReadOneTypeAndNamespaceAndNothingWithALongerName() {
        ObjectStore store = new ObjectStore();
        put(store, new ObjectRef("", "configmaps", "a", "one"), object("ConfigMap", "a", "one", "u1"));
        put(store, new ObjectRef("", "configmaps", "ab", "two"), object("ConfigMap", "ab", "two", "u2"));
        put(store, new ObjectRef("", "configmapsx", "a", "three"), object("Other", "a", "three", "u3"));
        put(store, new ObjectRef("x", "configmaps", "a", "four"), object("ConfigMap", "a", "four", "u4"));
        put(store, new ObjectRef("", "configmaps", "", "cluster"), object("ConfigMap", "", "cluster", "u5"));

        assertThat(store.list("", "configmaps", "a", o -> true)).extracting(e -> e.getKey().name()).containsExactly("one");
        assertThat(store.list("", "configmaps", null, o -> true)).extracting(e -> e.getKey().name())
                .containsExactly("cluster", "one", "two");
        assertThat(store.page("", "configmaps", "ab", o -> true, null, 0, true).items()).hasSize(1);
        assertThat(store.list("x", "configmaps", null, o -> true)).extracting(e -> e.getKey().name()).containsExactly("four");
    }

    @Test
    void indexesFollowEveryChange() {
        ObjectStore store = new ObjectStore();
        ObjectRef owner = new ObjectRef("", "configmaps", "apps", "owner");
        ObjectRef dependent = new ObjectRef("", "secrets", "apps", "dependent");
        put(store, owner, object("ConfigMap", "apps", "owner", "owner-uid"));
        put(store, dependent, object("Secret", "apps", "dependent", "dep-uid", "owner-uid"));

        assertThat(store.anyInNamespace("apps")).isTrue();
        assertThat(store.inNamespace("apps")).extracting(ObjectRef::name).containsExactly("owner", "dependent");
        assertThat(store.dependentsOf("owner-uid")).extracting(ObjectRef::name).containsExactly("dependent");
        assertThat(store.refOfUid("dep-uid")).contains(dependent);

        put(store, dependent, object("Secret", "apps", "dependent", "dep-uid")); // the reference removed by an update
        assertThat(store.dependentsOf("owner-uid")).isEmpty();

        store.remove(owner, object("ConfigMap", "apps", "owner", "owner-uid"));
        store.remove(dependent, object("Secret", "apps", "dependent", "dep-uid"));
        assertThat(store.anyInNamespace("apps")).isFalse();
        assertThat(store.refOfUid("owner-uid")).isEmpty();
        assertThat(store.inNamespace("apps")).isEmpty();
    }

    @Test
    void theKeptJsonIsTheStoredObjectUntilItChanges() {
        ObjectStore store = new ObjectStore();
        ObjectRef ref = new ObjectRef("", "configmaps", "default", "cm");
        put(store, ref, configMap("cm", 1));
        byte[] first = store.json(ref);

        assertThat(store.json(ref)).isSameAs(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("\"v\":\"1\"");
        put(store, ref, configMap("cm", 2));
        assertThat(new String(store.json(ref), java.nio.charset.StandardCharsets.UTF_8)).contains("\"v\":\"2\"");
        assertThat(store.page("", "configmaps", "default", o -> true, null, 0, true).items().get(0)).isSameAs(store.json(ref));
    }

    @Test
    void pagesFollowTheKeyOrderAndSayWhatIsLeft() {
        ObjectStore store = new ObjectStore();
        for (String name : new String[] {"c", "a", "d", "b"}) {
            put(store, new ObjectRef("", "configmaps", "default", name), configMap(name, 1));
        }
        ObjectStore.Page first = store.page("", "configmaps", "default", o -> true, null, 3, false);
        assertThat(first.items()).hasSize(3);
        assertThat(first.last().name()).isEqualTo("c");
        assertThat(first.more()).isTrue();
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(new String(first.items().get(0), java.nio.charset.StandardCharsets.UTF_8))
                .as("built-in list items carry no apiVersion and kind").doesNotContain("apiVersion").doesNotContain("kind");

        ObjectStore.Page rest = store.page("", "configmaps", "default", o -> true, first.last(), 3, true);
        assertThat(rest.items()).hasSize(1);
        assertThat(rest.more()).isFalse();
        assertThat(new String(rest.items().get(0), java.nio.charset.StandardCharsets.UTF_8)).contains("\"kind\":\"ConfigMap\"");
    }

    /** Where a test watch's events go. */
    static final class RecordingStream implements EventStream {
        final java.util.List<String> events = new java.util.ArrayList<>();
        boolean opened;
        boolean closed;

        @Override
        public void open() {
            opened = true;
        }

        @Override
        public void send(byte[] event) {
            events.add(new String(event, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void whenClosed(Runnable onClosed) {
        }
    }
}
