package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Deleting a namespace, as the API server and the controller-manager's namespace controller do: the DELETE marks it
 * Terminating ({@code deletionTimestamp}, {@code status.phase}); the controller then deletes every object in it and,
 * once none is left, takes the {@code kubernetes} finalizer out of {@code spec.finalizers}, which removes the
 * namespace. New objects in a terminating namespace are refused ({@link Namespaces#admit}).
 *
 * <p>A real namespace stays Terminating for a few seconds even when empty; here it stays at least
 * {@value #MIN_TERMINATING_MILLIS} ms, long enough for a client to see the phase and be refused, as on a real
 * cluster, without slowing tests much. Objects held by finalizers keep it Terminating until they go.
 */
final class NamespaceController {

    static final long MIN_TERMINATING_MILLIS = 1_000;

    private final ObjectStore store;
    private final Deletions deletions;
    private final ControllerLoop controllers;
    /** Terminating namespaces past their minimum time: removed as soon as they are empty. */
    private final Set<String> finishing = new HashSet<>();

    NamespaceController(ObjectStore store, Deletions deletions, ControllerLoop controllers) {
        this.store = store;
        this.deletions = deletions;
        this.controllers = controllers;
    }

    Deletion delete(ObjectRef ref, ObjectNode live, boolean dryRun) {
        if (Json.isTerminating(live)) {
            return new Deletion.Terminating(live);
        }
        ObjectNode terminating = live.deepCopy();
        Json.metadata(terminating).put("deletionTimestamp", Json.now());
        terminating.putObject("status").put("phase", "Terminating");
        if (dryRun) {
            return new Deletion.Terminating(terminating);
        }
        Json.metadata(terminating).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, terminating);
        String name = ref.name();
        controllers.later(0, "deleting the objects of namespace " + name, () -> deleteContent(name));
        controllers.later(MIN_TERMINATING_MILLIS, "removing namespace " + name, () -> {
            finishing.add(name);
            finishIfEmpty(name);
        });
        return new Deletion.Terminating(terminating);
    }

    /** The controller's sweep: every object in the namespace is deleted (finalizers honoured). */
    private void deleteContent(String namespace) {
        if (terminating(namespace).isPresent()) {
            deletions.deleteAll(store.inNamespace(namespace), DeletionPolicy.BACKGROUND);
        }
    }

    /** An object in {@code namespace} went: the namespace may be done. */
    void objectRemoved(String namespace) {
        if (finishing.contains(namespace)) {
            finishIfEmpty(namespace);
        }
    }

    void namespaceRemoved(String name) {
        finishing.remove(name);
    }

    /** Once nothing is left, the {@code kubernetes} finalizer goes from {@code spec.finalizers}, then the namespace. */
    private void finishIfEmpty(String name) {
        Optional<ObjectNode> namespace = terminating(name);
        if (namespace.isEmpty()) {
            finishing.remove(name);
            return;
        }
        if (store.anyInNamespace(name)) {
            return;
        }
        ObjectRef ref = Namespaces.ref(name);
        ObjectNode finalized = namespace.get().deepCopy();
        ArrayNode remaining = Json.array();
        for (JsonNode finalizer : finalized.path("spec").path("finalizers")) {
            if (!finalizer.asText().equals(Namespaces.FINALIZER)) {
                remaining.add(finalizer);
            }
        }
        if (finalized.path("spec").isObject()) {
            ObjectNode spec = (ObjectNode) finalized.get("spec");
            if (remaining.isEmpty()) {
                spec.remove("finalizers");
            } else {
                spec.set("finalizers", remaining);
            }
        }
        if (!Json.same(finalized, namespace.get())) {
            Json.metadata(finalized).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
            store.put(ref, finalized);
        }
        if (remaining.isEmpty() && !Json.hasFinalizers(finalized)) {
            deletions.remove(ref, finalized);
        }
    }

    private Optional<ObjectNode> terminating(String name) {
        return store.get(Namespaces.ref(name)).filter(Json::isTerminating);
    }
}
