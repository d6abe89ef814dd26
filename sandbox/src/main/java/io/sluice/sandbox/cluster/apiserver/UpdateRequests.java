package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;

/**
 * PUT and the patches other than server-side apply (JSON patch, merge patch, strategic merge patch), of the main
 * resource, {@code /status} or {@code /scale}: the object asked for, a resourceVersion precondition, an Update entry
 * in managedFields for the writer, then the commit. Callers hold the store's monitor.
 */
final class UpdateRequests {

    private static final String STATUS = "status";

    private final ObjectStore store;
    private final ResourceTypes types;
    private final ObjectWriter writer;
    private final ObjectAdmission admission;

    UpdateRequests(ObjectStore store, ResourceTypes types, ObjectWriter writer, ObjectAdmission admission) {
        this.store = store;
        this.types = types;
        this.writer = writer;
        this.admission = admission;
    }

    ObjectNode replace(ResourcePath path, RecordedRequest request, Warnings warnings) {
        ObjectNode live = store.require(path.ref(path.name()));
        ObjectNode body = "scale".equals(path.subresource())
                ? Json.parseObject(Requests.body(request), "The Scale to update")
                : admission.decode(path, Requests.object(request, path, types.route(path, "PUT")), warnings);
        Requests.checkName(path, body);
        Requests.checkNamespace(path, body);
        if ("scale".equals(path.subresource())) {
            return Scale.of(update(path, request, live, Scale.applyTo(live, body), live, "scale"));
        }
        path.requireMainOrStatus();
        return update(path, request, live, desiredFor(path, live, body), body, path.subresourceOrMain());
    }

    /** A patch of {@code contentType} (not apply); the answer is the patched object (or Scale). */
    ObjectNode patch(ResourcePath path, RecordedRequest request, String contentType, Warnings warnings) {
        Patches.checkSupported(contentType, admission.isCustomResource(path, null));
        ObjectNode live = store.require(path.ref(path.name()));
        JsonNode patch = Patches.read(contentType, Requests.body(request));
        boolean scale = "scale".equals(path.subresource());
        JsonNode target = scale ? Scale.of(live) : live;
        JsonNode patched = switch (contentType) {
            case Requests.JSON_PATCH -> Patches.jsonPatch(target, patch);
            case Requests.MERGE_PATCH -> Patches.mergePatch(target, patch);
            case Requests.STRATEGIC_MERGE_PATCH -> Patches.strategicMergePatch(target, patch,
                    scale ? "Scale" : types.kindOf(live, path));
            default -> throw Patches.unsupportedMediaType();
        };
        if (!(patched instanceof ObjectNode patchedObject)) {
            throw new ApiException(422, "Invalid", "the patched object is not a JSON object", path.ref(path.name()),
                    List.of());
        }
        if (scale) {
            return Scale.of(update(path, request, live, Scale.applyTo(live, patchedObject), live, "scale"));
        }
        path.requireMainOrStatus();
        Requests.checkName(path, patchedObject);
        admission.decodePatched(path, patchedObject, warnings);
        return update(path, request, live, desiredFor(path, live, patchedObject), patchedObject,
                path.subresourceOrMain());
    }

    /**
     * The object an update of the main resource or of {@code /status} asks for: the main resource keeps the
     * stored status when the type has a status subresource; {@code /status} changes only the status.
     */
    private ObjectNode desiredFor(ResourcePath path, ObjectNode live, ObjectNode requested) {
        ObjectNode desired;
        if (path.isStatus() && !admission.isCustomResource(path, live)) {
            // a built-in kind's status write may change metadata too (the deployment controller writes its
            // revision annotation so); only the spec stays as it was
            desired = requested.deepCopy();
            Json.setOrRemove(desired, "spec", live.get("spec"));
        } else if (path.isStatus()) {
            desired = live.deepCopy();
            Json.setOrRemove(desired, STATUS, requested.get(STATUS));
        } else {
            desired = requested.deepCopy();
            if (types.hasStatusSubresource(path)) {
                Json.setOrRemove(desired, STATUS, live.get(STATUS));
            }
        }
        return desired;
    }

    /** An Update-style write: resourceVersion precondition, managedFields for the writer, then commit. */
    private ObjectNode update(ResourcePath path, RecordedRequest request, ObjectNode live, ObjectNode desired,
            ObjectNode requested, String subresource) {
        ObjectRef ref = path.ref(path.name());
        String wanted = Json.meta(requested, "resourceVersion");
        if (wanted != null && !wanted.isEmpty() && !wanted.equals(Json.meta(live, "resourceVersion"))) {
            throw ApiException.modified(ref, "the object has been modified; please apply your changes to the latest "
                    + "version and try again");
        }
        if ((wanted == null || wanted.isEmpty()) && admission.isCustomResource(path, live)) {
            // custom resources allow no unconditional update (the real server names the resource here, not the kind)
            throw new FieldErrors().invalid("metadata.resourceVersion", "0x0", "must be specified for an update")
                    .toException(path.group(), path.plural(), ref.name());
        }
        types.fillTypeFields(desired, path);
        admission.prepare(path, desired);
        ServerMetadata.keep(ref, live, desired);
        ObjectWriter.setDefaults(ref, desired);
        List<ManagedFields.Entry> entries = ManagedFields.recordUpdate(ManagedFields.fromRequest(live, requested),
                live, desired, Requests.manager(path, request), path.groupVersion(), subresource,
                types.schemaOf(desired, path));
        ManagedFields.write(desired, entries);
        return writer.commit(path, ref, live, desired, STATUS.equals(subresource));
    }
}
