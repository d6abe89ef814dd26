package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The resource API of the sandbox: create, read, list, watch, replace, patch (JSON, merge, strategic merge,
 * server-side apply) and delete of any resource type, with managedFields, generation and resourceVersion kept
 * as a real API server keeps them, server-side dry run, finalizers, garbage collection through
 * ownerReferences, namespace deletion, and label and field selectors. One request at a time: every request
 * holds the store's monitor, so a read-merge-write is atomic.
 *
 * <p>What it does not do (admission, validation, defaulting, controllers, ...) is listed in docs/sandbox.md.
 */
final class ApiServer {

    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    private static final String JSON_PATCH = "application/json-patch+json";
    private static final String STATUS = "status";
    /** Fields of metadata only the server writes; kept from the stored object on every update. */
    private static final List<String> SYSTEM_METADATA = List.of("uid", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds");
    private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectStore store = new ObjectStore();
    private final ResourceTypes types = new ResourceTypes(store);
    private final Deletions deletions = new Deletions(store, types);
    private final ObjectAdmission admission = new ObjectAdmission(store, types);
    private final ControllerManager controllers = new ControllerManager(this::handle, store);
    private final SecureRandom random = new SecureRandom();

    /** Stops the simulated controllers. */
    void close() {
        controllers.close();
    }

    /** Discovery as of now, for the read-only endpoints. */
    Discovery discovery() {
        synchronized (store) {
            return types.discovery();
        }
    }

    MockResponse handle(RecordedRequest request, ResourcePath path) {
        Warnings warnings = new Warnings();
        return warnings.addTo(handle(request, path, warnings));
    }

    private MockResponse handle(RecordedRequest request, ResourcePath path, Warnings warnings) {
        synchronized (store) {
            try {
                RequestOptions.check(request.getMethod(), path);
                RequestOptions.checkBodySize(body(request));
                String contentType = request.getHeader("Content-Type");
                if (contentType != null && contentType.contains("protobuf")) {
                    throw new ApiException(415, "UnsupportedMediaType", "the sandbox API server reads JSON and YAML "
                            + "only, not protobuf (" + contentType + "); kubectl sends protobuf for generators such as "
                            + "'kubectl create namespace x': write a manifest and use 'kubectl apply -f' or "
                            + "'kubectl create -f' instead", null, List.of());
                }
                return switch (request.getMethod()) {
                    case "GET" -> read(path);
                    case "POST" -> respond(201, create(path, request, warnings));
                    case "PUT" -> respond(200, replace(path, request, warnings));
                    case "PATCH" -> patch(path, request, warnings);
                    case "DELETE" -> delete(path, request);
                    default -> throw ApiException.methodNotAllowed(request.getMethod(), request.getPath());
                };
            } catch (ApiException e) {
                return respond(e.code(), e.toStatus());
            }
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------

    private MockResponse read(ResourcePath path) {
        if (path.name() == null) {
            if (path.flag("watch") || "1".equals(path.query().get("watch"))) {
                return watch(path);
            }
            return respond(200, listAnswer(path));
        }
        ObjectNode object = existing(path);
        if (path.subresource() == null || path.subresource().equals(STATUS)) {
            return respond(200, object);
        }
        if (path.subresource().equals("scale")) {
            checkScale(path, object);
            return respond(200, Scale.of(object));
        }
        throw unknownSubresource(path);
    }

    /** The list answer, as a tree (for DELETE of a collection, which goes on to delete its items). */
    private ObjectNode list(ResourcePath path) {
        ArrayNode items = Json.array();
        store.list(path.group(), path.plural(), path.namespace(), selected(path)).forEach(entry -> items.add(entry.getValue()));
        ObjectNode list = listHead(path, () -> items.isEmpty() ? "" : items.get(0).path("kind").asText(""));
        list.set("items", items);
        return list;
    }

    /** The list answer as JSON, from each object's kept JSON ({@link ObjectStore#listJson}): no tree is copied or written. */
    private byte[] listAnswer(ResourcePath path) {
        List<byte[]> items = store.listJson(path.group(), path.plural(), path.namespace(), selected(path));
        ObjectNode head = listHead(path, () -> items.isEmpty() ? "" : Json.parse(items.get(0), "a stored object")
                .path("kind").asText(""));
        head.putArray("items");
        byte[] open = Json.writeBytes(head); // ... "items":[]}
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(items.stream().mapToInt(i -> i.length + 1).sum() + open.length);
        out.write(open, 0, open.length - 2);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes(new byte[] {']', '}'});
        return out.toByteArray();
    }

    private static java.util.function.Predicate<ObjectNode> selected(ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"));
        if (labels == LabelSelector.EVERYTHING && fields == FieldSelector.EVERYTHING) {
            return o -> true;
        }
        return o -> labels.matches(Json.labels(o)) && fields.matches(o);
    }

    /** apiVersion, kind and resourceVersion of a list; the kind from discovery, else from its items. */
    private ObjectNode listHead(ResourcePath path, java.util.function.Supplier<String> kindOfItems) {
        String kind = types.find(path.group(), path.version(), path.plural()).map(ApiResource::kind).orElseGet(kindOfItems);
        ObjectNode list = Json.object().put("apiVersion", path.groupVersion()).put("kind", kind + "List");
        list.putObject("metadata").put("resourceVersion", String.valueOf(store.resourceVersion()));
        return list;
    }

    private MockResponse watch(ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"));
        Long since = null;
        Optional<String> version = path.param("resourceVersion");
        if (version.isPresent() && !version.get().equals("0")) {
            try {
                since = Long.parseLong(version.get());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("resourceVersion \"" + version.get() + "\" is not a number the sandbox issued");
            }
        }
        return new MockResponse().withWebSocketUpgrade(new WatchSession(store, path, labels, fields, since));
    }

    // ---- create --------------------------------------------------------------------------------------

    private ObjectNode create(ResourcePath path, RecordedRequest request, Warnings warnings) {
        if (path.name() != null) {
            throw unknownSubresource(path);
        }
        ObjectNode object = admission.decode(path, body(request), "The object to create", warnings);
        ObjectNode metadata = Json.metadata(object);
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            String prefix = metadata.path("generateName").asText("");
            if (prefix.isEmpty()) {
                throw new FieldErrors().required("metadata.name", "name or generateName is required")
                        .toException(path.group(), kindOf(object, path), "");
            }
            name = prefix + randomSuffix();
        }
        metadata.put("name", name);
        checkNamespace(path, object);
        ObjectRef ref = path.ref(name);
        if (store.get(ref).isPresent()) {
            throw ApiException.alreadyExists(ref);
        }
        checkNamespaceAcceptsObjects(ref);
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "generation", "selfLink")) {
            metadata.remove(field);
        }
        fillTypeFields(object, path);
        if (types.hasStatusSubresource(path.group(), path.version(), path.plural())) {
            object.remove(STATUS);
        }
        admission.prepare(path, object);
        List<ManagedFields.Entry> entries = ManagedFields.recordUpdate(ManagedFields.fromRequest(null, object),
                admission.emptyObject(path, object), object, manager(path, request), path.groupVersion(), "",
                schemaOf(object, path));
        ManagedFields.write(object, entries);
        return insert(path, ref, object);
    }

    /**
     * Stores a new object: uid, creation time, generation 1 (for kinds that have one), the kind's create-time
     * preparation and validation, a resourceVersion (unless dry run).
     */
    private ObjectNode insert(ResourcePath path, ObjectRef ref, ObjectNode object) {
        ObjectNode metadata = Json.metadata(object);
        metadata.put("uid", newUid());
        metadata.put("creationTimestamp", Json.now());
        if (hasGeneration(path, object)) {
            metadata.put("generation", 1L);
        }
        admission.admitCreate(path, object);
        if (ref.sameType("", "namespaces")) {
            object.putObject(STATUS).put("phase", "Active");
        }
        if (isCrd(ref)) {
            CrdStatus.accept(object, null);
        }
        if (path.dryRun()) {
            return object;
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, object);
        if (isCrd(ref)) {
            types.invalidate();
        }
        return object;
    }

    // ---- replace and patch ---------------------------------------------------------------------------

    private ObjectNode replace(ResourcePath path, RecordedRequest request, Warnings warnings) {
        ObjectNode live = existing(path);
        ObjectNode body = admission.decode(path, body(request), "The object to update", warnings);
        checkName(path, body);
        checkNamespace(path, body);
        if (path.subresource() != null && path.subresource().equals("scale")) {
            checkScale(path, live);
            return Scale.of(update(path, request, live, Scale.applyTo(live, body), live, "scale"));
        }
        checkStatusOrMain(path);
        return update(path, request, live, desiredFor(path, live, body), body, subresourceOf(path));
    }

    private MockResponse patch(ResourcePath path, RecordedRequest request, Warnings warnings) {
        String contentType = contentType(request);
        if (!contentType.equals(APPLY_PATCH) && path.query().containsKey("force")) {
            throw new ApiException(422, "Invalid", "force: Forbidden: may not be specified for non-apply patch", null,
                    List.of());
        }
        if (path.name() == null) {
            throw ApiException.methodNotAllowed("PATCH", request.getPath() + " (a collection)");
        }
        if (contentType.equals(APPLY_PATCH)) {
            return apply(path, request, warnings);
        }
        Patches.checkSupported(contentType, admission.isCustomResource(path, null));
        ObjectNode live = existing(path);
        JsonNode patch = Patches.read(contentType, body(request));
        boolean scale = "scale".equals(path.subresource());
        if (scale) {
            checkScale(path, live);
        }
        JsonNode target = scale ? Scale.of(live) : live;
        JsonNode patched = switch (contentType) {
            case JSON_PATCH -> Patches.jsonPatch(target, patch);
            case MERGE_PATCH -> Patches.mergePatch(target, patch);
            case STRATEGIC_MERGE_PATCH -> Patches.strategicMergePatch(target, patch, scale ? "Scale" : kindOf(live, path));
            default -> throw Patches.unsupportedMediaType();
        };
        if (!(patched instanceof ObjectNode patchedObject)) {
            throw new ApiException(422, "Invalid", "the patched object is not a JSON object", path.ref(path.name()),
                    List.of());
        }
        if (scale) {
            return respond(200, Scale.of(update(path, request, live, Scale.applyTo(live, patchedObject), live, "scale")));
        }
        checkStatusOrMain(path);
        checkName(path, patchedObject);
        admission.decodePatched(path, patchedObject, warnings);
        return respond(200, update(path, request, live, desiredFor(path, live, patchedObject), patchedObject,
                subresourceOf(path)));
    }

    /**
     * The object an update of the main resource or of {@code /status} asks for: the main resource keeps the
     * stored status when the type has a status subresource; {@code /status} changes only the status.
     */
    private ObjectNode desiredFor(ResourcePath path, ObjectNode live, ObjectNode requested) {
        boolean statusWrite = STATUS.equals(path.subresource());
        ObjectNode desired;
        if (statusWrite && !admission.isCustomResource(path, live)) {
            // a built-in kind's status write may change metadata too (the deployment controller writes its
            // revision annotation so); only the spec stays as it was
            desired = requested.deepCopy();
            setOrRemove(desired, "spec", live.get("spec"));
        } else if (statusWrite) {
            desired = live.deepCopy();
            setOrRemove(desired, STATUS, requested.get(STATUS));
        } else {
            desired = requested.deepCopy();
            if (types.hasStatusSubresource(path.group(), path.version(), path.plural())) {
                setOrRemove(desired, STATUS, live.get(STATUS));
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
        fillTypeFields(desired, path);
        admission.prepare(path, desired);
        keepSystemMetadata(ref, live, desired);
        List<ManagedFields.Entry> entries = ManagedFields.recordUpdate(ManagedFields.fromRequest(live, requested),
                live, desired, manager(path, request), path.groupVersion(), subresource, schemaOf(desired, path));
        ManagedFields.write(desired, entries);
        return commit(path, ref, live, desired, STATUS.equals(subresource));
    }

    private MockResponse apply(ResourcePath path, RecordedRequest request, Warnings warnings) {
        String manager = path.param("fieldManager").orElseThrow(() -> new FieldErrors()
                .required("fieldManager", "is required for apply patch").toException("meta.k8s.io", "PatchOptions", ""));
        String subresource = subresourceOf(path);
        if (!subresource.isEmpty() && !subresource.equals(STATUS)) {
            throw unknownSubresource(path);
        }
        BodyReader.Body read = admission.readApplyConfiguration(body(request));
        ObjectNode config = (ObjectNode) read.tree();
        ObjectRef ref = path.ref(path.name());
        admission.checkApplyConfiguration(path, config, read.duplicates(), schemaOf(config, path), warnings);
        if (Json.meta(config, "name") == null || Json.meta(config, "name").isEmpty()) {
            throw ApiException.badRequest("the name of the object (" + path.name() + " based on URL) was "
                    + "undeterminable: name must be provided");
        }
        checkName(path, config);
        checkNamespace(path, config);
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
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "generation", "selfLink")) {
            metadata.remove(field);
        }
        removeNulls(config);
        boolean hasStatus = types.hasStatusSubresource(path.group(), path.version(), path.plural());
        if (subresource.equals(STATUS)) {
            ObjectNode limited = Json.object().put("apiVersion", config.path("apiVersion").asText())
                    .put("kind", config.path("kind").asText());
            limited.set("metadata", config.get("metadata"));
            setOrRemove(limited, STATUS, config.get(STATUS));
            config = limited;
        } else if (hasStatus) {
            config.remove(STATUS);
        }
        FieldSchema schema = schemaOf(config, path);
        boolean force = path.flag("force");
        if (stored.isEmpty()) {
            if (!subresource.isEmpty()) {
                throw ApiException.notFound(ref);
            }
            checkNamespaceAcceptsObjects(ref);
            ObjectNode created = ServerSideApply.apply(null, config, manager, force, "", schema, ref);
            admission.prepare(path, created);
            return respondStored(201, path, ref, insert(path, ref, created));
        }
        ObjectNode live = stored.get();
        ObjectNode applied = ServerSideApply.apply(live, config, manager, force, subresource, schema, ref);
        ObjectNode desired;
        if (subresource.equals(STATUS)) {
            desired = live.deepCopy();
            setOrRemove(desired, STATUS, applied.get(STATUS));
            Json.metadata(desired).set("managedFields", applied.path("metadata").get("managedFields"));
        } else {
            desired = applied;
            if (hasStatus) {
                setOrRemove(desired, STATUS, live.get(STATUS));
            }
        }
        keepSystemMetadata(ref, live, desired);
        admission.prepare(path, desired);
        return respondStored(200, path, ref, commit(path, ref, live, desired, subresource.equals(STATUS)));
    }

    /**
     * The answer to an apply: after a real (not dry) run the stored object is the answer - {@link #insert} and
     * {@link #commit} store exactly what they return, or keep the live object when the result equals it - so its
     * kept JSON is sent, which then serves the next LIST too without being written again. A dry run, or an
     * object the write removed (its last finalizer gone), is written out as answered.
     */
    private MockResponse respondStored(int code, ResourcePath path, ObjectRef ref, ObjectNode answer) {
        return !path.dryRun() && store.peek(ref).isPresent() ? respond(code, store.json(ref)) : respond(code, answer);
    }

    /**
     * Stores an updated object: generation up when anything but metadata (and status, for types with a status
     * subresource) changed, a new resourceVersion only when something changed at all. An object being deleted
     * whose last finalizer went is removed.
     */
    private ObjectNode commit(ResourcePath path, ObjectRef ref, ObjectNode live, ObjectNode desired, boolean statusWrite) {
        ObjectNode metadata = Json.metadata(desired);
        boolean hasStatus = types.hasStatusSubresource(path.group(), path.version(), path.plural());
        admission.admitUpdate(path, live, desired);
        if (hasGeneration(path, desired)) {
            boolean bumps = !statusWrite && GenerationRules.bumps(path.group(), kindOf(desired, path), live, desired,
                    hasStatus);
            metadata.put("generation", Json.generation(live) + (bumps ? 1 : 0));
        } else {
            metadata.remove("generation");
        }
        metadata.put("resourceVersion", Json.meta(live, "resourceVersion"));
        if (isCrd(ref)) {
            CrdStatus.accept(desired, live);
        }
        if (Json.isTerminating(desired) && !Json.hasFinalizers(desired)) {
            return path.dryRun() ? desired : deletions.remove(ref, desired, "Background");
        }
        if (Json.same(desired, live) || path.dryRun()) {
            return desired;
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, desired);
        if (isCrd(ref)) {
            types.invalidate();
        }
        return desired;
    }

    private boolean hasGeneration(ResourcePath path, ObjectNode object) {
        return GenerationRules.tracked(path.group(), kindOf(object, path), admission.isCustomResource(path, object));
    }

    // ---- delete -------------------------------------------------------------------------------------

    private MockResponse delete(ResourcePath path, RecordedRequest request) {
        byte[] bodyBytes = body(request);
        JsonNode options = Json.firstNonBlank(bodyBytes) < 0 ? Json.object() : Json.parse(bodyBytes, "DeleteOptions");
        boolean dryRun = path.dryRun() || options.path("dryRun").isArray() && !options.path("dryRun").isEmpty();
        String policy = path.param("propagationPolicy").orElse(options.path("propagationPolicy").asText("Background"));
        if (path.name() == null) {
            ObjectNode deleted = list(path);
            if (!dryRun) {
                for (JsonNode item : deleted.path("items")) {
                    ObjectRef ref = path.ref(item.path("metadata").path("name").asText());
                    store.get(ref).ifPresent(live -> deletions.delete(ref, live, policy));
                }
            }
            return respond(200, deleted);
        }
        if (path.subresource() != null) {
            throw unknownSubresource(path);
        }
        ObjectNode live = existing(path);
        ObjectRef ref = path.ref(path.name());
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
            return respond(200, live);
        }
        return respond(200, deletions.delete(ref, live, policy));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private ObjectNode existing(ResourcePath path) {
        ObjectRef ref = path.ref(path.name());
        return store.get(ref).orElseThrow(() -> ApiException.notFound(ref));
    }

    private void checkNamespaceAcceptsObjects(ObjectRef ref) {
        if (ref.namespace().isEmpty()) {
            return;
        }
        store.peek(new ObjectRef("", "namespaces", "", ref.namespace())).filter(Json::isTerminating).ifPresent(ns -> {
            throw ApiException.forbidden(ref, ref.resource() + " \"" + ref.name() + "\" is forbidden: unable to create "
                    + "new content in namespace " + ref.namespace() + " because it is being terminated");
        });
    }

    private static void checkName(ResourcePath path, ObjectNode object) {
        String name = Json.meta(object, "name");
        if (name != null && !name.isEmpty() && !name.equals(path.name())) {
            throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                    + path.name() + ")");
        }
        Json.metadata(object).put("name", path.name());
    }

    /** The object's namespace must be the URL's; cluster-scoped paths drop it. */
    private static void checkNamespace(ResourcePath path, ObjectNode object) {
        String namespace = Json.meta(object, "namespace");
        if (path.namespace() == null) {
            Json.metadata(object).remove("namespace");
            return;
        }
        if (namespace != null && !namespace.isEmpty() && !namespace.equals(path.namespace())) {
            throw ApiException.badRequest("the namespace of the provided object (" + namespace
                    + ") does not match the namespace sent on the request (" + path.namespace() + ")");
        }
        Json.metadata(object).put("namespace", path.namespace());
    }

    /** An object without a scale subresource answers {@code /scale} as the real server does: it is not found. */
    private void checkScale(ResourcePath path, ObjectNode object) {
        if (!admission.servesScale(path, object)) {
            throw ApiException.notFound(path.ref(path.name()));
        }
    }

    private static void checkStatusOrMain(ResourcePath path) {
        if (path.subresource() != null && !path.subresource().equals(STATUS)) {
            throw unknownSubresource(path);
        }
    }

    private static ApiException unknownSubresource(ResourcePath path) {
        return ApiException.notFound("the server could not find the requested resource (" + path.plural() + "/"
                + path.name() + "/" + path.subresource() + " is not served by the sandbox)");
    }

    private static String subresourceOf(ResourcePath path) {
        return path.subresource() == null ? "" : path.subresource();
    }

    private void fillTypeFields(ObjectNode object, ResourcePath path) {
        if (object.path("apiVersion").asText("").isEmpty()) {
            object.put("apiVersion", path.groupVersion());
        }
        if (object.path("kind").asText("").isEmpty()) {
            types.find(path.group(), path.version(), path.plural()).ifPresent(t -> object.put("kind", t.kind()));
        }
    }

    private String kindOf(JsonNode object, ResourcePath path) {
        String kind = object.path("kind").asText("");
        return kind.isEmpty() ? types.find(path.group(), path.version(), path.plural()).map(ApiResource::kind)
                .orElse(path.plural()) : kind;
    }

    private FieldSchema schemaOf(JsonNode object, ResourcePath path) {
        return types.schema(path.group(), path.version(), kindOf(object, path));
    }

    private static void keepSystemMetadata(ObjectRef ref, ObjectNode live, ObjectNode desired) {
        ObjectNode from = Json.metadata(live);
        ObjectNode to = Json.metadata(desired);
        for (String field : SYSTEM_METADATA) {
            setOrRemove(to, field, from.get(field));
        }
        to.put("name", ref.name());
        if (ref.namespace().isEmpty()) {
            to.remove("namespace");
        } else {
            to.put("namespace", ref.namespace());
        }
        to.remove("selfLink");
    }

    private static void setOrRemove(ObjectNode object, String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            object.remove(field);
        } else {
            object.set(field, value.deepCopy());
        }
    }

    /** Apply configurations never carry nulls into the object (fabric8 omits them; YAML may not). */
    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isNull()) {
                    it.remove();
                } else {
                    removeNulls(entry.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ApiServer::removeNulls);
        }
    }

    /**
     * The field manager of an update: the {@code fieldManager} parameter, or as a real server derives it, the
     * User-Agent up to its first "/" (e.g. {@code kubectl}, {@code fabric8-kubernetes-client}).
     */
    private static String manager(ResourcePath path, RecordedRequest request) {
        Optional<String> given = path.param("fieldManager");
        if (given.isPresent()) {
            return given.get();
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            return "unknown";
        }
        String prefix = agent.split("/", 2)[0].trim();
        return prefix.length() > 128 ? prefix.substring(0, 128) : prefix;
    }

    private static String contentType(RecordedRequest request) {
        String header = request.getHeader("Content-Type");
        if (header == null) {
            return JSON_PATCH;
        }
        return header.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The request body's bytes (empty when there is none). */
    private static byte[] body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return new byte[0];
        }
        return request.getBody().getBytes();
    }

    private static boolean isCrd(ObjectRef ref) {
        return ref.sameType(ResourceTypes.CRD_GROUP, ResourceTypes.CRD_PLURAL);
    }

    /**
     * A version-4 UUID for a new object. Unique, not secret: {@code UUID.randomUUID()} draws from SecureRandom,
     * a tenth of the cost of creating an object in the sandbox.
     */
    private static String newUid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_SUFFIX_ALPHABET.charAt(random.nextInt(NAME_SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }

    static MockResponse respond(int code, byte[] json) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(json);
    }

    static MockResponse respond(int code, JsonNode body) {
        // bytes straight from the tree: a String first would cost a UTF-16 copy and an encoding pass per answer
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(Json.writeBytes(body));
    }
}
