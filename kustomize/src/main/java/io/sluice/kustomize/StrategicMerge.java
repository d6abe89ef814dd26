package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch as kustomize applies it: maps merge recursively, null deletes, lists of
 * built-in Kubernetes kinds merge by their merge key (patch elements first, then the untouched
 * originals), other lists are replaced as written. Like kustomize (kyaml merge2) only the $patch
 * directive is interpreted; $retainKeys, $setElementOrder/... and $deleteFromPrimitiveList/... are
 * kept as ordinary fields (checked against kustomize v5.7.1).
 */
final class StrategicMerge {
    private static final Set<String> BUILTIN_GROUPS = Set.of("", "apps", "batch", "policy", "rbac.authorization.k8s.io",
            "networking.k8s.io", "autoscaling", "storage.k8s.io", "admissionregistration.k8s.io",
            "apiextensions.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "node.k8s.io",
            "certificates.k8s.io", "events.k8s.io", "extensions", "apiregistration.k8s.io", "flowcontrol.apiserver.k8s.io",
            "resource.k8s.io");

    private final boolean builtin;
    private final String kind;
    private final Gvk gvk;
    private final OpenApiSchema custom;

    private StrategicMerge(Gvk gvk, OpenApiSchema custom) {
        this.builtin = custom == null && BUILTIN_GROUPS.contains(gvk.group()) && !gvk.kind().isEmpty();
        this.kind = gvk.kind();
        this.gvk = gvk;
        this.custom = custom;
    }

    /** Applies {@code patch} to {@code target}; returns null when the patch deletes the object. */
    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch, Gvk gvk) {
        return apply(target, patch, gvk, null);
    }

    /** With a custom OpenAPI schema (kustomization `openapi.path`), which then replaces the built-in one. */
    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch, Gvk gvk,
                                     OpenApiSchema custom) {
        // merges into the target in place: a failure aborts the whole build anyway
        return new StrategicMerge(gvk, custom).mergeMap(target, patch, new ArrayList<>());
    }

    private Map<String, Object> mergeMap(Map<String, Object> dst, Map<String, Object> patch, List<String> path) {
        Object directive = patch.get("$patch");
        if ("delete".equals(directive)) {
            return null;
        }
        if ("replace".equals(directive)) {
            return clean(patch);
        }
        // kyaml walks every field of the target, not only the patched ones (see walkUntouched)
        for (String k : new ArrayList<>(dst.keySet())) {
            if (!patch.containsKey(k)) {
                walkUntouched(dst, k, append(path, k));
            }
        }
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String k = e.getKey();
            if (k.equals("$patch")) {
                continue;
            }
            Object pv = e.getValue();
            List<String> childPath = new ArrayList<>(path);
            childPath.add(k);
            if (pv == null) {
                dst.remove(k);
                continue;
            }
            Object dv = dst.get(k);
            if (pv instanceof Map<?, ?> && dv instanceof Map<?, ?>) {
                Map<String, Object> merged = mergeMap(Values.asMap(dv), Values.asMap(pv), childPath);
                if (merged == null) {
                    dst.remove(k);
                } else {
                    dst.put(k, merged);
                }
            } else if (pv instanceof Map<?, ?> && dv instanceof List<?>) {
                throw new KustomizeException("wrong node kind: expected SequenceNode but got MappingNode at field '"
                        + String.join(".", childPath) + "'");
            } else if (pv instanceof List<?> && dv instanceof Map<?, ?>) {
                throw new KustomizeException("wrong node kind: expected MappingNode but got SequenceNode at field '"
                        + String.join(".", childPath) + "'");
            } else if (pv instanceof Map<?, ?>) {
                Map<String, Object> pm = Values.asMap(pv);
                if ("delete".equals(pm.get("$patch"))) {
                    dst.remove(k);
                } else {
                    dst.put(k, clean(pm));
                }
            } else if (pv instanceof List<?> && dv instanceof List<?>) {
                dst.put(k, mergeList(Values.asList(dv), Values.asList(pv), childPath));
            } else if (pv instanceof List<?>) {
                dst.put(k, Values.deepCopy(pv));
            } else {
                dst.put(k, pv);
            }
        }
        return dst;
    }

    /**
     * kyaml's merge visits the fields of the target the patch does not mention too, which changes them: a field
     * left empty ({@code key:}, unlike {@code key: null}) is removed, and every list with merge keys is merged with
     * itself, so entries with the same key values collapse into one (at the first one's place, with the last
     * one's content), entries that are null or {} disappear, and merged scalar lists (finalizers) lose duplicates.
     */
    private void walkUntouched(Map<String, Object> dst, String k, List<String> path) {
        Object v = dst.get(k);
        if (v == null) {
            if (YamlMap.nullTextOf(dst, k).empty()) {
                dst.remove(k);
            }
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = Values.asMap(m);
            for (String key : new ArrayList<>(map.keySet())) {
                walkUntouched(map, key, append(path, key));
            }
        } else if (v instanceof List<?> l) {
            List<String> keys = mergeKeys(path);
            if (keys != null) {
                dst.put(k, keys.isEmpty() ? mergePrimitives(Values.asList(l), List.of())
                        : mergeAssociative(Values.asList(l), List.of(), keys, path));
            }
        }
    }

    private static List<String> append(List<String> path, String k) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(k);
        return out;
    }

    private List<Object> mergeList(List<Object> dst, List<Object> patch, List<String> path) {
        for (Object pe : patch) {
            Map<String, Object> pm = Values.asMap(pe);
            if (pm != null && "replace".equals(pm.get("$patch"))) {
                List<Object> out = new ArrayList<>();
                for (Object x : patch) {
                    Map<String, Object> xm = Values.asMap(x);
                    if (xm != null && xm.containsKey("$patch") && xm.size() == 1) {
                        continue;
                    }
                    out.add(x instanceof Map<?, ?> ? clean(Values.asMap(x)) : x);
                }
                return out;
            }
        }
        List<String> keys = mergeKeys(path);
        if (keys == null) {
            // kyaml replaces lists it has no merge key for, copying the patch list as written
            return Values.asList(Values.deepCopy(patch));
        }
        if (keys.isEmpty()) {
            return mergePrimitives(dst, patch);
        }
        return mergeAssociative(dst, patch, keys, path);
    }

    /** Merged scalar list (finalizers): patch values first, then the other original values. */
    private static List<Object> mergePrimitives(List<Object> dst, List<Object> patch) {
        List<Object> out = new ArrayList<>();
        for (Object p : patch) {
            if (out.stream().noneMatch(x -> Values.deepEquals(x, p))) {
                out.add(p);
            }
        }
        for (Object d : dst) {
            if (out.stream().noneMatch(x -> Values.deepEquals(x, d))) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * kyaml's associative list merge (walk/associative_sequence.go), with its quirks: elements are
     * identified by the tuple of key values ("" when missing), patch tuples first; tuples that
     * differ only by a missing value are unified; an all-empty tuple (a patch element without the
     * key) deletes every original element that has the key; with several keys the original
     * elements are moved behind the new ones in their original order.
     */
    private List<Object> mergeAssociative(List<Object> dst, List<Object> patch, List<String> keys, List<String> path) {
        List<List<String>> valuesList = new ArrayList<>();
        for (List<Object> src : List.of(patch, dst)) {
            for (Object el : src) {
                Map<String, Object> m = Values.asMap(el);
                if (m == null) {
                    continue;
                }
                List<String> tuple = new ArrayList<>();
                for (String k : keys) {
                    tuple.add(m.get(k) == null ? "" : Values.scalarTextOrType(m.get(k)));
                }
                if (!valuesList.contains(tuple)) {
                    valuesList.add(tuple);
                }
            }
        }
        if (keys.size() > 1) {
            for (int i = 0; i < valuesList.size(); i++) {
                for (int j = 0; j < valuesList.size(); j++) {
                    List<String> merged = unify(valuesList.get(i), valuesList.get(j));
                    if (merged != null) {
                        valuesList.set(i, merged);
                        valuesList.set(j, merged);
                    }
                }
            }
        }
        List<Object> dest = new ArrayList<>(dst);
        List<Object> items = new ArrayList<>();
        List<String> validKeys = keys;
        for (List<String> values : valuesList) {
            List<String>[] kv = validate(valuesList, values, keys);
            List<String> vk = kv[0];
            List<String> vv = kv[1];
            validKeys = vk;
            boolean allEmpty = values.stream().allMatch(String::isEmpty);
            List<String>[] mk = validate(List.of(values), values, keys);
            Map<String, Object> destEl = allEmpty ? null : firstMatch(dest, mk[0], mk[1]);
            Map<String, Object> patchEl = allEmpty ? null : firstMatch(patch, mk[0], mk[1]);
            Map<String, Object> val;
            if (patchEl != null && "delete".equals(patchEl.get("$patch"))) {
                val = null;
            } else if (destEl != null && patchEl != null) {
                val = mergeMap(destEl, patchEl, path);
                if (val != destEl && val != null) {
                    dest.set(dest.indexOf(destEl), val);
                }
            } else if (destEl != null) {
                val = mergeMap(destEl, Map.of(), path);
            } else if (patchEl != null) {
                val = clean(patchEl);
            } else {
                val = null;
            }
            if (val == null || val.isEmpty()) {
                dest.removeIf(el -> matches(el, vk, vv));
                continue;
            }
            for (int i = 0; i < vk.size(); i++) {
                if (!val.containsKey(vk.get(i)) && !vv.get(i).isEmpty()) {
                    val.put(vk.get(i), io.sluice.kustomize.yaml.ScalarResolution.resolvePlain(vv.get(i)));
                }
            }
            setElement(items, val, vk, vv);
        }
        final List<String> lastKeys = validKeys;
        for (Object el : dest) {
            Map<String, Object> m = Values.asMap(el);
            if (m == null) {
                continue;
            }
            List<String> v = new ArrayList<>();
            for (String k : lastKeys) {
                v.add(m.get(k) == null ? "" : Values.scalarTextOrType(m.get(k)));
            }
            if (lastKeys.size() > 1) {
                items.removeIf(x -> matches(x, lastKeys, v));
            }
            setElement(items, m, lastKeys, v);
        }
        return items;
    }

    private static List<String> unify(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return null;
        }
        boolean common = false;
        List<String> res = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                common = true;
                res.add(a.get(i));
                continue;
            }
            if (!a.get(i).isEmpty() && !b.get(i).isEmpty()) {
                return null;
            }
            res.add(a.get(i).isEmpty() ? b.get(i) : a.get(i));
        }
        return common ? res : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String>[] validate(List<List<String>> valuesList, List<String> values, List<String> keys) {
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (List<String> vs : valuesList) {
            for (int i = 0; i < vs.size(); i++) {
                if (!vs.get(i).isEmpty()) {
                    valid.add(keys.get(i));
                }
            }
        }
        if (valid.isEmpty()) {
            return new List[] {keys, values};
        }
        List<String> vk = new ArrayList<>();
        List<String> vv = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (valid.contains(keys.get(i))) {
                vk.add(keys.get(i));
                vv.add(values.get(i));
            }
        }
        return new List[] {vk, vv};
    }

    /** kyaml FieldMatcher semantics: the field must exist; an empty wanted value matches any value. */
    private static boolean matches(Object el, List<String> keys, List<String> values) {
        Map<String, Object> m = Values.asMap(el);
        if (m == null) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            Object v = m.get(keys.get(i));
            if (v == null) {
                return false;
            }
            String want = i < values.size() ? values.get(i) : "";
            if (!want.isEmpty() && !Values.scalarTextOrType(v).equals(want)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> firstMatch(List<Object> list, List<String> keys, List<String> values) {
        for (Object el : list) {
            if (matches(el, keys, values)) {
                return Values.asMap(el);
            }
        }
        return null;
    }

    /** kyaml ElementSetter: replace the element matching the key values in place, else append. */
    private static void setElement(List<Object> items, Map<String, Object> el, List<String> keys, List<String> values) {
        for (int i = 0; i < items.size(); i++) {
            if (matches(items.get(i), keys, values)) {
                items.set(i, el);
                return;
            }
        }
        items.add(el);
    }

    /**
     * The merge keys of a list field of a built-in kind (Kubernetes' x-kubernetes-list-map-keys or
     * patchMergeKey), an empty list for merged scalar lists, or null when the list is replaced.
     */
    private List<String> mergeKeys(List<String> path) {
        if (custom != null) {
            return custom.keys(gvk, path);
        }
        if (!builtin) {
            return null;
        }
        String field = path.get(path.size() - 1);
        String parent = path.size() > 1 ? path.get(path.size() - 2) : "";
        return switch (field) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
                 "resourceClaims", "schedulingGates", "secrets" -> List.of("name");
            case "volumeMounts" -> List.of("mountPath");
            case "volumeDevices" -> List.of("devicePath");
            case "hostAliases" -> List.of("ip");
            case "topologySpreadConstraints" -> List.of("topologyKey", "whenUnsatisfiable");
            case "resizePolicy" -> List.of("resourceName");
            case "ownerReferences" -> List.of("uid");
            case "conditions" -> List.of("type");
            case "finalizers" -> List.of();
            case "webhooks" -> kind.endsWith("WebhookConfiguration") ? List.of("name") : null;
            case "ports" -> {
                if (kind.equals("Service") && parent.equals("spec")) {
                    yield List.of("port", "protocol");
                }
                if (parent.equals("containers") || parent.equals("initContainers") || parent.equals("ephemeralContainers")) {
                    yield List.of("containerPort", "protocol");
                }
                yield null;
            }
            default -> null;
        };
    }

    /**
     * A patch value as it lands where the target had nothing: $patch directives and nulls dropped;
     * other "$..." keys are kept as plain fields, as kyaml does.
     */
    static Map<String, Object> clean(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals("$patch")) {
                continue;
            }
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof Map<?, ?>) {
                Map<String, Object> vm = Values.asMap(v);
                if ("delete".equals(vm.get("$patch"))) {
                    continue;
                }
                out.put(e.getKey(), clean(vm));
            } else if (v instanceof List<?>) {
                out.put(e.getKey(), Values.deepCopy(v));
            } else {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

}
