package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Optional;

/**
 * PATCH with {@code application/apply-patch+yaml}: the configuration checked, merged by {@link ServerSideApply}
 * (creating the object when it is missing), then stored. Callers hold the store's monitor.
 */
final class ApplyRequests {

    private static final String STATUS = "status";

    private final ObjectStore store;
    private final ResourceTypes types;
    private final ObjectWriter writer;
    private final ObjectAdmission admission;

    ApplyRequests(ObjectStore store, ResourceTypes types, ObjectWriter writer, ObjectAdmission admission) {
        this.store = store;
        this.types = types;
        this.writer = writer;
        this.admission = admission;
    }

    MockResponse apply(ResourcePath path, RecordedRequest request, Warnings warnings) {
        String manager = path.param("fieldManager").orElseThrow(() -> new FieldErrors()
                .required("fieldManager", "is required for apply patch").toException("meta.k8s.io", "PatchOptions", ""));
        String subresource = path.subresourceOrMain();
        path.requireMainOrStatus();
        BodyReader.Body read = admission.readApplyConfiguration(Requests.body(request));
        ObjectNode config = (ObjectNode) read.tree();
        ObjectRef ref = path.ref(path.name());
        admission.checkApplyConfiguration(path, config, read.duplicates(), types.schemaOf(config, path), warnings);
        if (Json.meta(config, "name") == null || Json.meta(config, "name").isEmpty()) {
            throw ApiException.badRequest("the name of the object (" + path.name() + " based on URL) was "
                    + "undeterminable: name must be provided");
        }
        Requests.checkName(path, config);
        Requests.checkNamespace(path, config);
        ObjectNode metadata = Json.metadata(config);
        if (metadata.has("managedFields") && !metadata.get("managedFields").isNull()) {
            throw ApiException.badRequest("metadata.managedFields must be nil in the apply configuration for " + ref);
        }
        Optional<ObjectNode> stored = store.peek(ref); // read only below: the merge works on its own copy
        String wanted = Json.meta(config, "resourceVersion");
        if (wanted != null && !wanted.isEmpty()
                && (stored.isEmpty() || !wanted.equals(Json.meta(stored.get(), "resourceVersion")))) {
            throw ApiException.modified(ref, "the object has been modified; please apply your changes to the latest "
                    + "version and try again");
        }
        ServerMetadata.clear(metadata);
        Json.removeNulls(config);
        boolean hasStatus = types.hasStatusSubresource(path);
        if (path.isStatus()) {
            ObjectNode limited = Json.object().put("apiVersion", config.path("apiVersion").asText())
                    .put("kind", config.path("kind").asText());
            limited.set("metadata", config.get("metadata"));
            Json.setOrRemove(limited, STATUS, config.get(STATUS));
            config = limited;
        } else if (hasStatus) {
            config.remove(STATUS);
        }
        FieldSchema schema = types.schemaOf(config, path);
        boolean force = path.flag("force");
        if (stored.isEmpty()) {
            if (!subresource.isEmpty()) {
                throw ApiException.notFound(ref);
            }
            writer.admitToNamespace(ref);
            ObjectNode created = ServerSideApply.apply(null, config, manager, force, "", schema, ref);
            ObjectWriter.setDefaults(ref, created);
            admission.prepare(path, created);
            return respondStored(201, path, ref, writer.insert(path, ref, created));
        }
        ObjectNode live = stored.get();
        ObjectNode applied = ServerSideApply.apply(live, config, manager, force, subresource, schema, ref);
        ObjectNode desired;
        if (path.isStatus()) {
            desired = live.deepCopy();
            Json.setOrRemove(desired, STATUS, applied.get(STATUS));
            Json.metadata(desired).set("managedFields", applied.path("metadata").get("managedFields"));
        } else {
            desired = applied;
            if (hasStatus) {
                Json.setOrRemove(desired, STATUS, live.get(STATUS));
            }
        }
        ServerMetadata.keep(ref, live, desired);
        ObjectWriter.setDefaults(ref, desired);
        admission.prepare(path, desired);
        return respondStored(200, path, ref, writer.commit(path, ref, live, desired, path.isStatus()));
    }

    /**
     * The answer to an apply: after a real (not dry) run the stored object is the answer - {@link ObjectWriter#insert}
     * and {@link ObjectWriter#commit} store exactly what they return, or keep the live object when the result equals
     * it - so its kept JSON is sent, which then serves the next LIST too without being written again. A dry run, or
     * an object the write removed (its last finalizer gone), is written out as answered.
     */
    private MockResponse respondStored(int code, ResourcePath path, ObjectRef ref, ObjectNode answer) {
        return !path.dryRun() && store.peek(ref).isPresent() ? Responses.json(code, store.json(ref))
                : Responses.json(code, answer);
    }
}
