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

    private StrategicMerge(Gvk gvk, OpenApiState.Loaded schemas) {
        // a kind the custom schema defines is merged by that definition only; others by the built-in schema, if loaded
        this.custom = schemas.custom() != null && schemas.custom().defines(gvk) ? schemas.custom() : null;
        this.builtin = custom == null && schemas.builtin() && BUILTIN_GROUPS.contains(gvk.group()) && !gvk.kind().isEmpty();
        this.kind = gvk.kind();
        this.gvk = gvk;
    }

    /**
     * Applies {@code patch} to {@code target} with the OpenAPI schemas loaded at that point of the build; returns
     * null when the patch deletes the object.
     */
    static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch, Gvk gvk,
                                     OpenApiState.Loaded schemas) {
        // merges into the target in place: a failure aborts the whole build anyway
        return new StrategicMerge(gvk, schemas).mergeMap(target, patch, new ArrayList<>());
    }

    private Map<String, Object> mergeMap(Map<String, Object> dst, Map<String, Object> patch, List<String> path) {
        Object directive = patch.get("$patch");
        if ("delete".equals(directive)) {
            return null;
        }
        if ("replace".equals(directive)) {
            return clean(patch);
        }
        if (directive != null && !"merge".equals(directive)) {
            throw new KustomizeException("unknown patch strategy '" + Values.scalarTextOrType(directive) + "' at '"
                    + String.join(".", path) + "' (use $patch: replace, delete or merge)");
        }
        dst.remove("$patch");   // a patch subtree merged into itself (see below) carries the directive
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
                // kyaml walks a patch subtree the target lacks as if merging it into itself
                Map<String, Object> pm = Values.asMap(pv);
                Map<String, Object> added = mergeMap(Values.deepCopyMap(pm), pm, childPath);
                if (added == null) {
                    dst.remove(k);
                } else {
                    dst.put(k, added);
                }
            } else if (pv instanceof List<?> && dv instanceof List<?>) {
                List<Object> merged = mergeList(Values.asList(dv), Values.asList(pv), childPath);
                if (merged == null) {
                    dst.remove(k);
                } else {
                    dst.put(k, merged);
                }
            } else if (pv instanceof List<?>) {
                dst.put(k, addedList(Values.asList(Values.deepCopy(pv)), childPath));
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
                        : mergeAssociative(Values.asList(l), null, keys, path));
            }
        }
    }

    private static List<String> append(List<String> path, String k) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(k);
        return out;
    }

    /**
     * A list in both: replaced by the patch's list as written when the list has no merge keys (a $patch element
     * included); otherwise merged, unless the patch's first element with a $patch key is a lone directive:
     * {@code - $patch: replace} (the patch's list), {@code delete} (null: the field goes) or {@code merge}.
     */
    private List<Object> mergeList(List<Object> dst, List<Object> patch, List<String> path) {
        List<String> keys = mergeKeys(path);
        if (keys == null) {
            return Values.asList(Values.deepCopy(patch));
        }
        List<Object> elided = patch;
        for (Object pe : patch) {
            if (!(pe instanceof Map<?, ?> pm) || !pm.containsKey("$patch")) {
                continue;
            }
            if (pm.size() > 1) {
                break;   // a directive for that element, not for the list
            }
            String directive = Values.scalarTextOrType(pm.get("$patch"));
            if (!List.of("replace", "delete", "merge").contains(directive)) {
                throw new KustomizeException("unknown patch strategy '" + directive + "' in the list at '" + String.join(".", path)
                        + "' (use $patch: replace, delete or merge)");
            }
            elided = withoutDirective(patch, directive);
            if (directive.equals("delete")) {
                return null;
            }
            if (directive.equals("replace")) {
                List<Object> out = new ArrayList<>();
                for (Object x : elided) {
                    out.add(x instanceof Map<?, ?> ? clean(Values.asMap(x)) : x);
                }
                return out;
            }
            break;
        }
        if (keys.isEmpty()) {
            return mergePrimitives(dst, elided);
        }
        return mergeAssociative(dst, elided, keys, path);
    }

    /**
     * A patch list where the target has none: kept as written when it has no merge keys, otherwise merged with
     * itself like any keyed list, directive elements included as plain elements (kyaml looks for list directives
     * only when the target has the list).
     */
    private List<Object> addedList(List<Object> list, List<String> path) {
        List<String> keys = mergeKeys(path);
        if (keys == null) {
            return list;
        }
        return keys.isEmpty() ? mergePrimitives(list, list) : mergeAssociative(list, list, keys, path);
    }

    /** The patch list without its {@code $patch: directive} elements (and without null or {} elements, as kyaml leaves it). */
    private static List<Object> withoutDirective(List<Object> patch, String directive) {
        List<Object> out = new ArrayList<>();
        for (Object x : patch) {
            if (x == null || (x instanceof Map<?, ?> m && (m.isEmpty() || directive.equals(Values.scalarTextOrType(m.get("$patch")))))) {
                continue;
            }
            out.add(x);
        }
        return out;
    }

    /**
     * Merged scalar list (finalizers): patch values first, then the other target values; a value counts once
     * (by its text) and nulls are dropped, as kyaml does.
     */
    private static List<Object> mergePrimitives(List<Object> dst, List<Object> patch) {
        List<Object> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (List<Object> source : List.of(patch, dst)) {
            for (Object v : source) {
                if (v != null && seen.add(Values.scalarTextOrType(v))) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private List<Object> mergeAssociative(List<Object> dst, List<Object> patch, List<String> keys, List<String> path) {
        return AssociativeList.merge(dst, patch, keys, new AssociativeList.ElementMerge() {
            @Override
            public Map<String, Object> merge(Map<String, Object> target, Map<String, Object> p) {
                if (target == null) {
                    return "delete".equals(p.get("$patch")) ? null : clean(p);
                }
                return mergeMap(target, p == null ? Map.of() : p, path);
            }
        });
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
