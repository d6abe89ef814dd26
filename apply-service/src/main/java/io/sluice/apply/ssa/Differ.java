package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tells whether applying an object would change it, without writing: it compares the result of a
 * server-side dry-run apply (what the object would become) with the live object.
 *
 * <p>Both are normalised first: the fields the server maintains itself and that an apply moves
 * without changing what the object is are dropped - {@code metadata.managedFields} (the apply's
 * own entry gets a new time), {@code resourceVersion}, {@code generation}, {@code uid},
 * {@code creationTimestamp}, {@code selfLink}, and the whole {@code status}, which the object's
 * controller owns. Anything left that differs - a label, an annotation, a spec field, a data key
 * - means the apply changes the object. Fields set by other managers are in both and so never
 * count: a field only another manager owns is kept by the dry run as it is live.
 */
public final class Differ {

    /** Server-maintained metadata the comparison ignores. */
    static final List<String> IGNORED_METADATA = List.of(
            "managedFields", "resourceVersion", "generation", "uid", "creationTimestamp", "selfLink");

    private Differ() {
    }

    /** True when the dry-run result equals the live object apart from what the server maintains. */
    public static boolean unchanged(HasMetadata live, HasMetadata dryRun) {
        return normalise(live).equals(normalise(dryRun));
    }

    /** The same comparison on JSON trees (live object and dry-run answer as the server sent them). */
    static boolean unchanged(ObjectNode live, ObjectNode dryRun) {
        return normalise(live).equals(normalise(dryRun));
    }

    /** The paths that differ, for log lines and drift reports ({@code metadata.labels.app}, {@code spec.replicas}). */
    public static List<String> differences(HasMetadata live, HasMetadata dryRun) {
        List<String> paths = new ArrayList<>();
        collect("", normalise(live), normalise(dryRun), paths);
        return paths;
    }

    static ObjectNode normalise(HasMetadata object) {
        return normalise(Manifests.tree(object));
    }

    private static ObjectNode normalise(ObjectNode object) {
        ObjectNode tree = object.deepCopy();
        tree.remove("status");
        JsonNode metadata = tree.get("metadata");
        if (metadata instanceof ObjectNode meta) {
            IGNORED_METADATA.forEach(meta::remove);
        }
        return tree;
    }

    private static void collect(String path, JsonNode left, JsonNode right, List<String> paths) {
        if (left != null && right != null && left.isObject() && right.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            left.fieldNames().forEachRemaining(names::add);
            right.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, left.get(name), right.get(name), paths);
            }
        } else if (left == null ? right != null : !left.equals(right)) {
            paths.add(path);
        }
    }
}
