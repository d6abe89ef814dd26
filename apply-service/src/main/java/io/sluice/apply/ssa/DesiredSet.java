package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects of one rendering as Sluice applies them for one Kustomization: JSON trees with the owner labels
 * ({@link ApplyOptions#NAME_LABEL}, {@link ApplyOptions#NAMESPACE_LABEL}) and the {@link AppliedDigest}
 * annotation set, and the metadata only a server writes removed.
 *
 * <p>Built once per rendering and kept by apply-service while the rendering is the desired state: a drift check
 * of an unchanged rendering (every {@code spec.interval}) then costs no YAML parsing, no tree building and no
 * digests, only reading the live objects. The references are known as soon as the set is built, so
 * {@link StagedApplier} starts reading the live state at once; each object is labelled and digested when first
 * used ({@link DesiredObject}), once.
 */
public final class DesiredSet {

    private final String ownerName;
    private final String ownerNamespace;
    private final List<ObjectRef> refs;
    private final List<DesiredObject> objects;

    /** @param trees the rendered trees, owned by this set from now on (parsed here or copied) */
    private DesiredSet(List<ObjectNode> trees, ApplyOptions owner) {
        this.ownerName = owner.ownerName();
        this.ownerNamespace = owner.ownerNamespace();
        this.refs = distinctRefs(trees);
        List<DesiredObject> desired = new ArrayList<>(trees.size());
        for (int i = 0; i < trees.size(); i++) {
            desired.add(new DesiredObject(refs.get(i), trees.get(i), ownerName, ownerNamespace));
        }
        this.objects = List.copyOf(desired);
    }

    /**
     * A set from rendered YAML (what ManifestsRendered carries), parsed straight to trees.
     *
     * @throws IllegalArgumentException a document that is no object or lacks apiVersion, kind or metadata.name,
     *                                  or an object rendered twice; the message names it
     * @throws java.io.UncheckedIOException the YAML does not parse
     */
    public static DesiredSet parse(String yaml, ApplyOptions owner) {
        return new DesiredSet(Manifests.parseTrees(yaml), owner);
    }

    /** A set from objects (copied: the caller's objects are never changed). */
    public static DesiredSet of(List<GenericKubernetesResource> objects, ApplyOptions owner) {
        List<ObjectNode> trees = new ArrayList<>(objects.size());
        for (GenericKubernetesResource object : objects) {
            trees.add(Manifests.tree(object)); // checked like parsed YAML when the set is built
        }
        return new DesiredSet(trees, owner);
    }

    /** Every object's reference, in rendering order. */
    public List<ObjectRef> refs() {
        return refs;
    }

    /** Whether the set was built for the owner in {@code options} (its labels name that Kustomization). */
    public boolean preparedFor(ApplyOptions options) {
        return ownerName.equals(options.ownerName()) && ownerNamespace.equals(options.ownerNamespace());
    }

    /** The objects as they will be applied, in rendering order (each prepared when first used). */
    List<DesiredObject> objects() {
        return objects;
    }

    /** Each object's reference; refuses an object that appears twice. */
    private static List<ObjectRef> distinctRefs(List<ObjectNode> trees) {
        List<ObjectRef> refs = new ArrayList<>(trees.size());
        Set<String> seen = new HashSet<>();
        for (ObjectNode tree : trees) {
            ObjectRef ref = ObjectRef.of(tree);
            if (!seen.add(ref.inventoryId())) {
                throw new IllegalArgumentException("object " + ref.objectName() + " (" + ref.apiVersion()
                        + ") appears twice in the manifests; each object may be rendered once");
            }
            refs.add(ref);
        }
        return List.copyOf(refs);
    }
}
