package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** patchesStrategicMerge, patches and patchesJson6902. */
final class Patches {
    private Patches() {
    }

    static void strategicMergeField(KustomizationFile kust, Loader ldr, ResMap m, OpenApiState schema) {
        for (String entry : kust.strings("patchesStrategicMerge")) {
            String where = kust.path() + ": patchesStrategicMerge entry '" + firstLine(entry) + "'";
            String text = isInline(entry, ldr) ? entry : ldr.readFile(entry, "patchesStrategicMerge", kust.path());
            for (Object doc : YamlReader.readAll(text, where)) {
                Map<String, Object> patch = Values.asMap(doc);
                if (patch == null) {
                    throw new KustomizeException(where + ": a strategic merge patch must be a YAML mapping");
                }
                applyById(m, patch, where, false, false, schema);
            }
        }
    }

    static void patchesField(KustomizationFile kust, Loader ldr, ResMap m, OpenApiState schema) {
        for (Map<String, Object> entry : kust.maps("patches")) {
            for (String k : entry.keySet()) {
                if (!List.of("path", "patch", "target", "options").contains(k)) {
                    throw new KustomizeException(kust.path() + ": patches: unknown field \"" + k + "\"");
                }
            }
            String path = Resource.str(entry.get("path"));
            String inline = Resource.str(entry.get("patch")).trim();
            if (path.isEmpty() && inline.isEmpty()) {
                throw new KustomizeException(kust.path() + ": patches entry must specify one of patch and path");
            }
            if (!path.isEmpty() && !inline.isEmpty()) {
                throw new KustomizeException(kust.path() + ": patches entry: patch and path can't be set at the same time");
            }
            String where = kust.path() + ": patches entry " + (path.isEmpty() ? "[patch: \"" + firstLine(inline) + "\"]"
                    : "[path: \"" + path + "\"]");
            String text = path.isEmpty() ? inline : ldr.readFile(path, "patches", kust.path());
            Map<String, Object> opts = Values.asMap(entry.get("options"));
            boolean allowName = opts != null && isTrue(opts.get("allowNameChange"));
            boolean allowKind = opts != null && isTrue(opts.get("allowKindChange"));
            Map<String, Object> targetMap = Values.asMap(entry.get("target"));
            Selector target = targetMap == null ? null : Selector.from(targetMap, where);
            List<Object> docs = YamlReader.readAll(text, where);
            // JSON patches are read by kustomize with go-yaml v2 (YAML 1.1: "y" and "on" are booleans)
            List<Map<String, Object>> ops = docs.size() == 1 && JsonPatch.parse(docs.get(0)) != null
                    ? JsonPatch.parse(YamlReader.readOne(text, where, true)) : null;
            if (ops != null) {
                if (target == null) {
                    throw new KustomizeException(where + ": must specify a target for JSON patch");
                }
                for (Resource r : target.select(m, where)) {
                    applyJson(r, ops, where);
                }
                continue;
            }
            if (docs.isEmpty()) {
                throw new KustomizeException(where + ": unable to parse SM or JSON patch (it is empty)");
            }
            if (target != null) {
                if (docs.size() > 1) {
                    throw new KustomizeException(where + ": Multiple Strategic-Merge Patches in one `patches` entry is "
                            + "not allowed to set `patches.target` field");
                }
                Map<String, Object> patch = Values.asMap(docs.get(0));
                if (patch == null) {
                    throw new KustomizeException(where + ": unable to parse SM or JSON patch");
                }
                for (Resource r : target.select(m, where)) {
                    applySmp(m, r, patch, allowName, allowKind, true, schema);
                }
            } else {
                for (Object doc : docs) {
                    Map<String, Object> patch = Values.asMap(doc);
                    if (patch == null) {
                        throw new KustomizeException(where + ": unable to parse SM or JSON patch");
                    }
                    applyById(m, patch, where, allowName, allowKind, schema);
                }
            }
        }
    }

    static void json6902Field(KustomizationFile kust, Loader ldr, ResMap m) {
        for (Map<String, Object> entry : kust.maps("patchesJson6902")) {
            for (String k : entry.keySet()) {
                if (!List.of("path", "patch", "target").contains(k)) {
                    throw new KustomizeException(kust.path() + ": patchesJson6902: unknown field \"" + k + "\"");
                }
            }
            String path = Resource.str(entry.get("path"));
            String inline = Resource.str(entry.get("patch"));
            String where = kust.path() + ": patchesJson6902 entry " + (path.isEmpty() ? "[patch]" : "[path: \"" + path + "\"]");
            Map<String, Object> targetMap = Values.asMap(entry.get("target"));
            if (targetMap == null) {
                throw new KustomizeException(where + ": must specify a target");
            }
            if (path.isEmpty() == inline.isEmpty()) {
                throw new KustomizeException(where + ": exactly one of path and patch must be set");
            }
            String text = path.isEmpty() ? inline : ldr.readFile(path, "patchesJson6902", kust.path());
            List<Map<String, Object>> ops = JsonPatch.parse(YamlReader.readOne(text, where, true));
            if (ops == null) {
                throw new KustomizeException(where + ": not a JSON patch (expected a list of operations with 'op')");
            }
            Selector sel = Selector.from(targetMap, where);
            List<Resource> selected = sel.select(m, where);
            for (Resource r : selected) {
                applyJson(r, ops, where);
            }
        }
    }

    private static void applyJson(Resource r, List<Map<String, Object>> ops, String where) {
        r.storePreviousId();
        // kustomize's objects always carry (internal) annotations while they are patched, so
        // "add /metadata/annotations/x" works on an object without annotations.
        Map<String, Object> meta = Values.asMap(r.map().get("metadata"));
        if (meta != null && !meta.containsKey("annotations")) {
            meta.put("annotations", new java.util.LinkedHashMap<String, Object>());
        }
        String target = where + " on " + r.curId().describe();
        // kustomize patches the object's JSON text and reads it back: what that changes, changes here too
        r.replaceMap(JsonRoundTrip.reread(JsonPatch.apply(r.map(), ops, target), target));
    }

    private static void applyById(ResMap m, Map<String, Object> patch, String where, boolean allowName, boolean allowKind,
                                  OpenApiState schema) {
        Resource pr = new Resource(patch, where);
        ResId id = pr.curId();
        List<Resource> targets = m.matchingAnyId(id);
        if (targets.size() != 1) {
            throw new KustomizeException(where + ": no resource matches strategic merge patch \"" + id.describe()
                    + "\": " + (targets.isEmpty() ? "no matches for Id " + id.describe() + "; failed to find unique target for patch"
                    : "multiple matches for Id " + id.describe() + "; failed to find unique target for patch"));
        }
        applySmp(m, targets.get(0), patch, allowName, allowKind, false, schema);
    }

    private static void applySmp(ResMap m, Resource r, Map<String, Object> patch, boolean allowName, boolean allowKind,
                                 boolean retarget, OpenApiState schema) {
        Map<String, Object> p = patch;
        if (retarget) {
            // kustomize gives the patch copy the target's apiVersion; name and kind stay the patch's own
            // (and are put back afterwards unless the options allow a change).
            p = Values.deepCopyMap(patch);
            p.put("apiVersion", r.apiVersion());
        }
        String name = r.name();
        String ns = r.namespace();
        String kind = r.kind();
        if (allowName || allowKind) {
            r.storePreviousId();
        }
        Map<String, Object> result = StrategicMerge.apply(r.map(), p, r.gvk(), schema.forPatch());
        if (result == null || result.isEmpty()) {
            m.remove(r);
            return;
        }
        r.replaceMap(result);
        if (!allowKind) {
            result.put("kind", kind);
        }
        if (!allowName) {
            r.setName(name);
        }
        if (ns.isEmpty()) {
            Map<String, Object> meta = Values.asMap(result.get("metadata"));
            if (meta != null) {
                meta.remove("namespace");
            }
        } else {
            r.setNamespace(ns);
        }
    }

    private static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o) || "true".equals(o);
    }

    private static boolean isInline(String entry, Loader ldr) {
        if (entry.contains("\n")) {
            return true;
        }
        return !Files.exists(ldr.root().resolve(entry)) && entry.contains(":") && !Loader.isRemote(entry);
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i) + "...";
    }

    static List<Object> toList(Object o) {
        List<Object> l = Values.asList(o);
        return l == null ? new ArrayList<>() : l;
    }
}
