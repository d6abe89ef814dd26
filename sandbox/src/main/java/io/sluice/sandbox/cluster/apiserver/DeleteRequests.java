package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DELETE of an object (preconditions, dry run, propagation policy) or of a collection; {@link Deletions} does the
 * deleting. The answer is what a real server sends: a {@code Status} when the object went at once (the object
 * itself for the few types that return it), the object when finalizers keep it, the list of what was deleted for a
 * collection. Callers hold the store's monitor.
 */
final class DeleteRequests {

    /** Types whose DELETE answers with the removed object rather than a Status, as their storage does on a real server. */
    private static final Set<String> RETURN_DELETED_OBJECT = Set.of("pods", "serviceaccounts",
            "storageclasses.storage.k8s.io");

    private final ObjectStore store;
    private final ReadRequests reads;
    private final Deletions deletions;

    DeleteRequests(ObjectStore store, ReadRequests reads, Deletions deletions) {
        this.store = store;
        this.reads = reads;
        this.deletions = deletions;
    }

    ObjectNode delete(ResourcePath path, RecordedRequest request) {
        byte[] bodyBytes = Requests.body(request);
        JsonNode options = Json.firstNonBlank(bodyBytes) < 0 ? Json.object() : Json.parse(bodyBytes, "DeleteOptions");
        boolean dryRun = path.dryRun() || options.path("dryRun").isArray() && !options.path("dryRun").isEmpty();
        DeletionPolicy policy = DeletionPolicy.of(path, options);
        if (path.name() == null) {
            ObjectNode deleted = reads.list(path);
            if (!dryRun) {
                List<ObjectRef> refs = new ArrayList<>();
                deleted.path("items").forEach(item -> refs.add(path.ref(item.path("metadata").path("name").asText())));
                deletions.deleteAll(refs, policy);
            }
            return deleted;
        }
        if (path.subresource() != null) {
            throw path.unknownSubresource();
        }
        ObjectRef ref = path.ref(path.name());
        ObjectNode live = store.require(ref);
        JsonNode preconditions = options.path("preconditions");
        String uid = preconditions.path("uid").asText("");
        if (!uid.isEmpty() && !uid.equals(Json.meta(live, "uid"))) {
            // the storage layer's words: the kind, not the resource, and details without a group
            String kind = live.path("kind").asText(ref.resource());
            throw new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + kind + " \"" + ref.name()
                    + "\": the UID in the precondition (" + uid + ") does not match the UID in record ("
                    + Json.meta(live, "uid") + "). The object might have been deleted and then recreated",
                    new ApiException.Details(ref.name(), null, kind, List.of()));
        }
        String version = preconditions.path("resourceVersion").asText("");
        if (!version.isEmpty() && !version.equals(Json.meta(live, "resourceVersion"))) {
            throw ApiException.modified(ref, "Precondition failed: ResourceVersion in precondition: " + version
                    + ", ResourceVersion in object meta: " + Json.meta(live, "resourceVersion"));
        }
        Deletion deletion = deletions.delete(ref, live, policy, dryRun);
        if (deletion instanceof Deletion.Removed && !RETURN_DELETED_OBJECT.contains(ref.resource())) {
            return success(ref, deletion.object());
        }
        return deletion.object();
    }

    /** The Status a real server answers a DELETE with when the object is gone. */
    private static ObjectNode success(ObjectRef ref, ObjectNode removed) {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details").put("name", ref.name());
        if (!ref.group().isEmpty()) {
            details.put("group", ref.group());
        }
        details.put("kind", ref.plural());
        String uid = Json.meta(removed, "uid");
        if (uid != null) {
            details.put("uid", uid);
        }
        return status;
    }
}
