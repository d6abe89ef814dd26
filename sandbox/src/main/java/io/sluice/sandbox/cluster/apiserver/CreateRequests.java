package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.security.SecureRandom;
import java.util.List;

/** POST of a new object: its name (or one generated from {@code generateName}), managedFields, then stored. */
final class CreateRequests {

    private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectStore store;
    private final ResourceTypes types;
    private final ObjectWriter writer;
    private final ObjectAdmission admission;
    private final SecureRandom random = new SecureRandom();

    CreateRequests(ObjectStore store, ResourceTypes types, ObjectWriter writer, ObjectAdmission admission) {
        this.store = store;
        this.types = types;
        this.writer = writer;
        this.admission = admission;
    }

    ObjectNode create(ResourcePath path, RecordedRequest request, Warnings warnings) {
        if (path.name() != null) {
            throw path.unknownSubresource();
        }
        ObjectNode object = admission.decode(path, Requests.object(request, path, types.route(path, "POST")), warnings);
        ObjectNode metadata = Json.metadata(object);
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            String prefix = metadata.path("generateName").asText("");
            if (prefix.isEmpty()) {
                throw new FieldErrors().required("metadata.name", "name or generateName is required")
                        .toException(path.group(), types.kindOf(object, path), "");
            }
            name = prefix + randomSuffix();
        }
        metadata.put("name", name);
        Requests.checkNamespace(path, object);
        ObjectRef ref = path.ref(name);
        writer.admitToNamespace(ref);
        if (store.peek(ref).isPresent()) {
            throw ApiException.alreadyExists(ref);
        }
        ServerMetadata.clear(metadata);
        types.fillTypeFields(object, path);
        ObjectWriter.setDefaults(ref, object);
        if (types.hasStatusSubresource(path)) {
            object.remove("status");
        }
        admission.prepare(path, object);
        List<ManagedFields.Entry> entries = ManagedFields.recordUpdate(ManagedFields.fromRequest(null, object),
                admission.emptyObject(path, object), object, Requests.manager(path, request), path.groupVersion(), "", types.schemaOf(object, path));
        ManagedFields.write(object, entries);
        return writer.insert(path, ref, object);
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_SUFFIX_ALPHABET.charAt(random.nextInt(NAME_SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
