package io.sluice.kustomize;

import io.sluice.kustomize.yaml.ScalarResolution;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The merge of a list with merge keys (containers by name, ports by containerPort and protocol, ...) as kyaml's
 * strategic merge does it, quirks included, because they decide what ends up in the cluster:
 *
 * <ol>
 *   <li>Every element is identified by the tuple of its key values ({@code ""} for a missing key), patch elements
 *       first; equal tuples count once. With several keys, tuples that differ only where one of them is empty
 *       are unified.</li>
 *   <li>For each tuple the first target element and the first patch element with exactly those values are merged
 *       ({@link ElementMerge}); the result is placed among the new items by the keys it has.</li>
 *   <li>A merge that comes out empty (no element, or {@code $patch: delete}) deletes from the target every element
 *       matching the tuple, where an empty value matches any value: a patch element without its key, or a
 *       target element without it, deletes every element that has the key.</li>
 *   <li>Finally each remaining target element, in order, replaces the item with its key values or is appended.
 *       So two target elements with the same key values end up as one, at the first one's place with the last
 *       one's content, and elements that are null or {} disappear.</li>
 * </ol>
 */
final class AssociativeList {

    /** Merges one target element with one patch element (either may be null); null deletes. */
    interface ElementMerge {
        Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch);
    }

    private AssociativeList() {
    }

    /**
     * @param patch the patch's list, or null when the patch does not mention the list (kyaml still walks it)
     * @param keys  the merge keys, at least one
     */
    static List<Object> merge(List<Object> target, List<Object> patch, List<String> keys, ElementMerge elementMerge) {
        List<List<String>> valuesList = new ArrayList<>();
        if (patch != null) {
            addTuples(patch, keys, valuesList);
        }
        addTuples(target, keys, valuesList);
        if (keys.size() > 1) {
            unify(valuesList);
        }
        List<Object> dest = new ArrayList<>(target);
        List<Object> items = new ArrayList<>();
        List<String> lastKeys = keys;
        for (List<String> values : valuesList) {
            Pair valid = validate(valuesList, values, keys);
            Pair own = validate(List.of(values), values, keys);
            Map<String, Object> targetEl = firstExactMatch(dest, own.keys(), own.values());
            Map<String, Object> patchEl = patch == null ? null : firstExactMatch(patch, own.keys(), own.values());
            Map<String, Object> merged = targetEl == null && patchEl == null ? null : elementMerge.merge(targetEl, patchEl);
            lastKeys = valid.keys();
            if (merged == null || merged.isEmpty()) {
                dest = set(dest, null, valid.keys(), valid.values());
                continue;
            }
            for (int i = 0; i < valid.keys().size(); i++) {
                String k = valid.keys().get(i);
                if (!merged.containsKey(k) && !valid.values().get(i).isEmpty()) {
                    merged.put(k, ScalarResolution.resolvePlain(valid.values().get(i)));
                }
            }
            items = set(items, merged, valid.keys(), valid.values());
        }
        return valuesList.isEmpty() ? dest : appendTarget(items, dest, lastKeys);
    }

    private record Pair(List<String> keys, List<String> values) {
    }

    private static void addTuples(List<Object> list, List<String> keys, List<List<String>> out) {
        for (Object el : list) {
            List<String> tuple = new ArrayList<>(keys.size());
            for (String k : keys) {
                tuple.add(el instanceof Map<?, ?> m ? tupleText(m.get(k)) : "");
            }
            if (!out.contains(tuple)) {
                out.add(tuple);
            }
        }
    }

    /** A key value in an element's tuple: "" when missing, null or a collection. */
    private static String tupleText(Object v) {
        return v == null || !Values.isScalar(v) ? "" : Values.scalarText(v);
    }

    /** Tuples that agree where both have a value, and share at least one, become the same tuple. */
    private static void unify(List<List<String>> valuesList) {
        for (int i = 0; i < valuesList.size(); i++) {
            List<String> a = valuesList.get(i);
            for (int j = 0; j < valuesList.size(); j++) {
                List<String> merged = unified(a, valuesList.get(j));
                if (merged != null) {
                    valuesList.set(i, merged);
                    valuesList.set(j, merged);
                }
            }
        }
    }

    private static List<String> unified(List<String> a, List<String> b) {
        boolean common = false;
        List<String> res = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                common = true;
                res.add(a.get(i));
            } else if (!a.get(i).isEmpty() && !b.get(i).isEmpty()) {
                return null;
            } else {
                res.add(a.get(i).isEmpty() ? b.get(i) : a.get(i));
            }
        }
        return common ? res : null;
    }

    /** The keys (and their values) that have a value in some tuple; all of them when none has. */
    private static Pair validate(List<List<String>> valuesList, List<String> values, List<String> keys) {
        java.util.Set<String> withValue = new java.util.HashSet<>();
        for (List<String> vs : valuesList) {
            for (int i = 0; i < vs.size(); i++) {
                if (!vs.get(i).isEmpty()) {
                    withValue.add(keys.get(i));
                }
            }
        }
        if (withValue.isEmpty()) {
            return new Pair(keys, values);
        }
        List<String> vk = new ArrayList<>();
        List<String> vv = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (withValue.contains(keys.get(i))) {
                vk.add(keys.get(i));
            }
        }
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty() || withValue.contains(keys.get(i))) {
                vv.add(values.get(i));
            }
        }
        return new Pair(vk, vv);
    }

    /** The first mapping element whose keys have exactly these values (written text, "" included). */
    private static Map<String, Object> firstExactMatch(List<Object> list, List<String> keys, List<String> values) {
        for (Object el : list) {
            if (!(el instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> m = Values.asMap(el);
            boolean all = true;
            for (int i = 0; i < keys.size() && all; i++) {
                all = m.containsKey(keys.get(i)) && nodeText(m, keys.get(i)).equals(values.get(i));
            }
            if (all) {
                return m;
            }
        }
        return null;
    }

    /** A field's value as written: a null's own text, "" for a collection. */
    private static String nodeText(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return YamlMap.nullTextOf(m, key).text();
        }
        return Values.isScalar(v) ? Values.scalarText(v) : "";
    }

    /**
     * kyaml's ElementSetter: drops null and {} elements, replaces the elements matching the values (an empty value
     * matches any value of a present key; keys beyond the values reuse the last comparison) with {@code element},
     * or deletes them when it is null; appends it when nothing matched.
     */
    private static List<Object> set(List<Object> list, Map<String, Object> element, List<String> keys, List<String> values) {
        List<Object> out = new ArrayList<>(list.size() + 1);
        boolean matched = false;
        boolean mappingSetter = !keys.isEmpty() && !keys.get(0).isEmpty() && !values.isEmpty() && !values.get(0).isEmpty();
        for (Object item : list) {
            if (item == null || (item instanceof Map<?, ?> m && m.isEmpty())) {
                continue;
            }
            if (!(item instanceof Map<?, ?>)) {
                if (mappingSetter) {
                    out.add(item);
                    continue;
                }
                throw new KustomizeException("wrong node kind: expected MappingNode but got " + (item instanceof List ? "SequenceNode" : "ScalarNode")
                        + " in a list merged by " + keys + " (strategic merge)");
            }
            Map<String, Object> im = Values.asMap(item);
            boolean found = true;
            boolean lastMatch = false;
            for (int j = 0; j < keys.size(); j++) {
                if (j < values.size()) {
                    lastMatch = im.containsKey(keys.get(j))
                            && (values.get(j).isEmpty() || nodeText(im, keys.get(j)).equals(values.get(j)));
                }
                if (!lastMatch) {
                    found = false;
                    break;
                }
            }
            if (!found) {
                if (!values.isEmpty()) {
                    out.add(item);
                }
                continue;
            }
            matched = true;
            if (element != null) {
                out.add(element);
            }
        }
        if (element != null && !matched) {
            out.add(element);
        }
        return out;
    }

    /** The target's elements, in order, replace the items with their key values or are appended. */
    private static List<Object> appendTarget(List<Object> items, List<Object> target, List<String> keys) {
        List<Object> out = items;
        for (Object el : target) {
            if (el != null && !(el instanceof Map<?, ?>)) {
                throw new KustomizeException("wrong node kind: expected MappingNode but got "
                        + (el instanceof List ? "SequenceNode" : "ScalarNode") + " in a list merged by " + keys + " (strategic merge)");
            }
            Map<String, Object> m = Values.asMap(el);
            List<String> values = new ArrayList<>();
            for (String k : keys) {
                if (m == null || !m.containsKey(k)) {
                    out.add(el);   // kyaml appends an element without the key as it is, then goes on
                    continue;
                }
                values.add(nodeText(m, k));
            }
            if (keys.size() > 1) {
                out = set(out, null, keys, values);
            }
            out = set(out, m, keys, values);
        }
        return out;
    }
}
