package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * DELETE of an object (preconditions, dry run, propagation policy) or of a collection; {@link Deletions} does the
 * deleting. Callers hold the store's monitor.
 */
final class DeleteRequests {

    private final ObjectStore store;
    private final ReadRequests reads;
    private final Deletions deletions;

    DeleteRequests(ObjectStore store, ReadRequests reads, Deletions deletions) {
        this.store = store;
        this.reads = reads;
        this.deletions = deletions;
    }

    /** The answer: the deleted (or terminating) object, or for a collection the list of what was deleted. */
    ObjectNode delete(ResourcePath path, RecordedRequest request) {
        byte[] bodyBytes = Requests.body(request);
        JsonNode options = Json.firstNonBlank(bodyBytes) < 0 ? Json.object() : Json.parse(bodyBytes, "DeleteOptions");
        boolean dryRun = path.dryRun() || options.path("dryRun").isArray() && !options.path("dryRun").isEmpty();
        String policy = path.param("propagationPolicy").orElse(options.path("propagationPolicy").asText("Background"));
        if (path.name() == null) {
            ObjectNode deleted = reads.list(path);
            if (!dryRun) {
                for (JsonNode item : deleted.path("items")) {
                    ObjectRef ref = path.ref(item.path("metadata").path("name").asText());
                    store.get(ref).ifPresent(live -> deletions.delete(ref, live, policy));
                }
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
            throw ApiException.modified(ref, "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + Json.meta(live, "uid"));
        }
        String version = preconditions.path("resourceVersion").asText("");
        if (!version.isEmpty() && !version.equals(Json.meta(live, "resourceVersion"))) {
            throw ApiException.modified(ref, "Precondition failed: ResourceVersion in precondition: " + version
                    + ", ResourceVersion in object meta: " + Json.meta(live, "resourceVersion"));
        }
        if (dryRun) {
            return live;
        }
        return deletions.delete(ref, live, policy);
    }
}
