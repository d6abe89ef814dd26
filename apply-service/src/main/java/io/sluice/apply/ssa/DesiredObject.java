package io.sluice.apply.ssa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One object as Sluice applies it. Prepared when first used, once: the owner labels
 * ({@link ApplyOptions#NAME_LABEL}, {@link ApplyOptions#NAMESPACE_LABEL}) set, the metadata only a server writes
 * removed, the {@link AppliedDigest} annotation set last (it covers everything else). Then the request body is
 * written from that tree the first time it is needed (the dry run) and reused for the write and later runs.
 *
 * <p>Preparing on first use lets the first apply of a new set prepare each object just before its dry run, on the
 * applying thread while the API server answers the requests before it, instead of all of them up front with the
 * server idle; a drift check prepares them all for the unchanged check (once: the set is kept).
 */
final class DesiredObject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectRef ref;
    /** The rendered tree, owned by this object (parsed or copied for it): labelled in place when prepared. */
    private final ObjectNode tree;
    private final String ownerName;
    private final String ownerNamespace;
    private boolean prepared;
    private String body;

    DesiredObject(ObjectRef ref, ObjectNode rendered, String ownerName, String ownerNamespace) {
        this.ref = ref;
        this.tree = rendered;
        this.ownerName = ownerName;
        this.ownerNamespace = ownerNamespace;
    }

    ObjectRef ref() {
        return ref;
    }

    /** The tree to apply, prepared; read only after this. */
    synchronized ObjectNode tree() {
        if (!prepared) {
            ObjectNode meta = (ObjectNode) tree.get("metadata");
            ObjectNode labels = meta.get("labels") instanceof ObjectNode existing ? existing : meta.putObject("labels");
            labels.put(ApplyOptions.NAME_LABEL, ownerName);
            labels.put(ApplyOptions.NAMESPACE_LABEL, ownerNamespace);
            // A resourceVersion would turn the apply into a conditional write; the rest is the server's.
            meta.remove(List.of("resourceVersion", "managedFields", "uid", "creationTimestamp", "generation", "selfLink"));
            AppliedDigest.annotate(tree);
            prepared = true;
        }
        return tree;
    }

    /** The request body: the prepared tree as JSON. */
    synchronized String body() {
        if (body == null) {
            try {
                body = JSON.writeValueAsString(tree());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the JSON tree of " + ref, e);
            }
        }
        return body;
    }
}
