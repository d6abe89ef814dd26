package io.sluice.image.automation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the Setters changed, as Flux gives it to commit message templates ({@code .Changed}): file → object → changes.
 */
public final class UpdateResult {

    /** One marked value that changed, with the setter ({@code ns:name}, {@code ns:name:tag}, …) that changed it. */
    public record Change(String oldValue, String newValue, String setter) {
    }

    /** The object a change is in (a kustomization.yaml has no name); Flux's {@code ObjectIdentifier}. */
    public record ObjectId(String apiVersion, String kind, String namespace, String name) {
    }

    private final Map<String, Map<ObjectId, List<Change>>> fileChanges = new TreeMap<>();

    void add(String file, ObjectId object, Change change) {
        fileChanges.computeIfAbsent(file, f -> new LinkedHashMap<>()).computeIfAbsent(object, o -> new ArrayList<>()).add(change);
    }

    public boolean isEmpty() {
        return fileChanges.isEmpty();
    }

    /** File (relative to the repository root) → object → changes, files in path order. */
    public Map<String, Map<ObjectId, List<Change>>> fileChanges() {
        return fileChanges;
    }

    /** Every change once, in file order: Flux's {@code .Changed.Changes}. */
    public List<Change> changes() {
        Set<Change> seen = new LinkedHashSet<>();
        fileChanges.values().forEach(objects -> objects.values().forEach(seen::addAll));
        return List.copyOf(seen);
    }

    /** Object → changes, whatever file they are in: Flux's {@code .Changed.Objects}. */
    public Map<ObjectId, List<Change>> objects() {
        Map<ObjectId, List<Change>> result = new LinkedHashMap<>();
        fileChanges.values().forEach(objects -> objects.forEach((id, changes) -> result.computeIfAbsent(id, k -> new ArrayList<>()).addAll(changes)));
        return result;
    }
}
