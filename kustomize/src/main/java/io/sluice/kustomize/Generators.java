package io.sluice.kustomize;

import io.sluice.kustomize.yaml.GoStrings;
import io.sluice.kustomize.yaml.Values;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** configMapGenerator and secretGenerator, with generatorOptions and create/merge/replace behavior. */
final class Generators {
    private static final Pattern VALID_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Set<String> ARG_FIELDS = Set.of("name", "namespace", "behavior", "files", "literals", "envs",
            "env", "options", "type", "kind");

    private Generators() {
    }

    static void run(KustomizationFile kust, Loader ldr, Accumulator ra, BuildContext ctx) {
        run(kust, ldr, ra, ctx, null);
    }

    /** {@code origin}: the origin annotation for generated objects when not the kustomization itself. */
    static void run(KustomizationFile kust, Loader ldr, Accumulator ra, BuildContext ctx, String origin) {
        Map<String, Object> global = kust.map("generatorOptions");
        for (Map<String, Object> args : kust.maps("configMapGenerator")) {
            absorb(ra.resMap, withOrigin(generate("ConfigMap", args, global, kust, ldr, ctx), origin, ctx));
        }
        for (Map<String, Object> args : kust.maps("secretGenerator")) {
            absorb(ra.resMap, withOrigin(generate("Secret", args, global, kust, ldr, ctx), origin, ctx));
        }
        for (String g : kust.strings("generators")) {
            BuiltinPlugins.generate(g, kust, ldr, ra, ctx);
        }
    }

    private static Resource withOrigin(Resource r, String origin, BuildContext ctx) {
        if (origin != null && ctx.originAnnotations) {
            r.setAnnotation("config.kubernetes.io/origin", origin);
        }
        return r;
    }

    private static Resource generate(String kind, Map<String, Object> args, Map<String, Object> global,
                                     KustomizationFile kust, Loader ldr, BuildContext ctx) {
        String field = kind.equals("ConfigMap") ? "configMapGenerator" : "secretGenerator";
        for (String k : args.keySet()) {
            if (!ARG_FIELDS.contains(k)) {
                throw new KustomizeException(kust.path() + ": " + field + ": unknown field \"" + k + "\"");
            }
        }
        String name = Resource.str(args.get("name"));
        if (name.isEmpty()) {
            throw new KustomizeException(kust.path() + ": " + field + " entry has no name");
        }
        String behavior = Resource.str(args.get("behavior"));
        if (behavior.isEmpty()) {
            behavior = "create";
        }
        if (!Set.of("create", "merge", "replace").contains(behavior)) {
            // kustomize treats an unknown behavior as unspecified, i.e. create
            behavior = "create";
        }
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> binary = new LinkedHashMap<>();
        String where = kust.path() + ": " + field + " '" + name + "'";
        List<String> envs = new java.util.ArrayList<>(strings(args.get("envs"), where, "envs"));
        if (args.get("env") != null) {
            envs.add(Resource.str(args.get("env")));
        }
        for (String env : envs) {
            String text = ldr.readFile(env, field + " envs", kust.path());
            parseEnv(text, env, where, data, kind);
        }
        for (String lit : strings(args.get("literals"), where, "literals")) {
            int eq = lit.indexOf('=');
            if (eq <= 0) {
                throw new KustomizeException(where + ": literal '" + lit + "' must be key=value");
            }
            put(data, lit.substring(0, eq), unquote(lit.substring(eq + 1)), where, kind);
        }
        for (String f : strings(args.get("files"), where, "files")) {
            String key;
            String path;
            int eq = f.indexOf('=');
            if (eq >= 0) {
                key = f.substring(0, eq);
                path = f.substring(eq + 1);
                if (key.isEmpty()) {
                    throw new KustomizeException(where + ": file source '" + f + "' has an empty key");
                }
                if (path.isEmpty()) {
                    throw new KustomizeException(where + ": file source '" + f + "' has an empty path");
                }
            } else {
                path = f;
                key = java.nio.file.Path.of(f).getFileName().toString();
            }
            byte[] content = ldr.readBytes(path, field + " files", kust.path());
            String text = utf8(content);
            if (text == null && kind.equals("ConfigMap")) {
                checkKey(key, where, kind);
                if (data.containsKey(key) || binary.containsKey(key)) {
                    throw new KustomizeException(where + ": duplicate key \"" + key + "\"");
                }
                binary.put(key, wrapBase64(Base64.getEncoder().encodeToString(content)));
            } else if (kind.equals("Secret")) {
                checkKey(key, where, kind);
                if (data.containsKey(key)) {
                    throw new KustomizeException(where + ": cannot add key \"" + key + "\", another key by that name already exists");
                }
                data.put(key, wrapBase64(Base64.getEncoder().encodeToString(content)));
            } else {
                put(data, key, text, where, kind);
            }
        }
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("apiVersion", "v1");
        obj.put("kind", kind);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        String ns = Resource.str(args.get("namespace"));
        if (!ns.isEmpty()) {
            meta.put("namespace", ns);
        }
        obj.put("metadata", meta);
        if (kind.equals("Secret")) {
            String type = Resource.str(args.get("type"));
            obj.put("type", type.isEmpty() ? "Opaque" : type);
        }
        Map<String, Object> dataOut = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            dataOut.put(e.getKey(), e.getValue());
        }
        if (!dataOut.isEmpty() || kind.equals("Secret")) {
            // kustomize always creates a Secret's data map, and a ConfigMap's only when it gets an entry
            obj.put("data", dataOut);
        }
        if (!binary.isEmpty()) {
            obj.put("binaryData", new LinkedHashMap<String, Object>(binary));
        }
        Options opts = Options.merge(Values.asMap(args.get("options")), global);
        if (!opts.labels.isEmpty()) {
            meta.put("labels", new LinkedHashMap<String, Object>(opts.labels));
        }
        if (!opts.annotations.isEmpty()) {
            meta.put("annotations", new LinkedHashMap<String, Object>(opts.annotations));
        }
        if (opts.immutable) {
            obj.put("immutable", true);
        }
        Resource r = new Resource(obj, kust.path());
        r.behavior = behavior;
        r.needsHash = !opts.disableHash;
        if (ctx.originAnnotations) {
            r.setAnnotation("config.kubernetes.io/origin", "configuredIn: " + ctx.kustFileRelative(
                    java.nio.file.Path.of(kust.path()).getFileName().toString()) + "\nconfiguredBy:\n  apiVersion: builtin\n  kind: "
                    + kind + "Generator\n");
        }
        return r;
    }

    private static void absorb(ResMap m, Resource res) {
        ResId id = res.curId();
        List<Resource> matches = m.matchingAnyId(id);
        if (matches.isEmpty()) {
            if (!res.behavior.equals("create")) {
                throw new KustomizeException("id " + id.describe() + " does not exist; cannot merge or replace (generator behavior '"
                        + res.behavior + "' needs the object in a base)");
            }
            m.append(res);
            return;
        }
        if (matches.size() > 1) {
            throw new KustomizeException("found multiple objects " + matches + " that could accept merge of " + id.describe());
        }
        Resource old = matches.get(0);
        switch (res.behavior) {
            case "replace" -> {
                copyMeta(res, old);
                res.needsHash = res.needsHash && old.needsHash;
            }
            case "merge" -> {
                String origin = old.annotation("config.kubernetes.io/origin");
                copyMeta(res, old);
                // the hash suffix stays only if both the original and the merging generator want it
                res.needsHash = res.needsHash && old.needsHash;
                if (origin != null) {
                    // a merged generator keeps the origin of the object it merges into
                    res.setAnnotation("config.kubernetes.io/origin", origin);
                }
                mergeField(res, old, "data");
                mergeField(res, old, "binaryData");
            }
            default -> throw new KustomizeException("id " + id.describe() + " exists; behavior must be merge or replace");
        }
        m.replace(old, res);
    }

    private static void copyMeta(Resource res, Resource old) {
        Map<String, Object> labels = new LinkedHashMap<>();
        if (old.labels() != null) {
            labels.putAll(old.labels());
        }
        if (res.labels() != null) {
            labels.putAll(res.labels());
        }
        Map<String, Object> meta = Values.ensureMap(res.map(), "metadata");
        meta.remove("labels");
        if (!labels.isEmpty()) {
            meta.put("labels", labels);
        }
        Map<String, Object> ann = new LinkedHashMap<>();
        if (old.annotations() != null) {
            ann.putAll(old.annotations());
        }
        if (res.annotations() != null) {
            ann.putAll(res.annotations());
        }
        meta.remove("annotations");
        if (!ann.isEmpty()) {
            meta.put("annotations", ann);
        }
        res.setName(old.name());
        if (!old.namespace().isEmpty()) {
            res.setNamespace(old.namespace());
        } else {
            meta.remove("namespace");
        }
        res.prevIds.clear();
        res.prevIds.addAll(old.prevIds);
        res.prefixes.clear();
        res.prefixes.addAll(old.prefixes);
        res.suffixes.clear();
        res.suffixes.addAll(old.suffixes);
        res.source = old.source;
    }

    private static void mergeField(Resource res, Resource old, String field) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Object> o = Values.asMap(old.map().get(field));
        Map<String, Object> n = Values.asMap(res.map().get(field));
        if (o != null) {
            merged.putAll(o);
        }
        if (n != null) {
            merged.putAll(n);
        }
        if (!merged.isEmpty()) {
            res.map().put(field, merged);
        }
    }

    private static List<String> strings(Object v, String where, String field) {
        if (v == null) {
            return List.of();
        }
        List<Object> l = Values.asList(v);
        if (l == null) {
            throw new KustomizeException(where + ": '" + field + "' must be a list of strings");
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object o : l) {
            out.add(Resource.str(o));
        }
        return out;
    }

    /**
     * An env file as kustomize reads it: lines split at LF (one CR before it dropped), a byte order mark dropped
     * from the first, leading white space (Go's unicode.IsSpace) trimmed; empty lines, comments and lines with an
     * empty key skipped; a line without '=' is a key with an empty value. Values are kept as written.
     */
    private static void parseEnv(String text, String file, String where, Map<String, String> data, String kind) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String trimmed = GoStrings.trimLeftSpace(line);
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String key = eq < 0 ? trimmed : trimmed.substring(0, eq);
            if (key.isEmpty()) {
                continue;
            }
            put(data, key, eq < 0 ? "" : trimmed.substring(eq + 1), where, kind);
        }
    }

    private static void put(Map<String, String> data, String key, String value, String where, String kind) {
        checkKey(key, where, kind);
        if (data.containsKey(key)) {
            throw new KustomizeException(where + ": cannot add key \"" + key + "\", another key by that name already exists");
        }
        // Secret data is base64 of the bytes; ConfigMap data is the text itself.
        data.put(key, kind.equals("Secret")
                ? wrapBase64(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))) : value);
    }

    private static void checkKey(String key, String where, String kind) {
        // kustomize v5.7.1 accepts any non-empty key (even with spaces); the API server validates later
        if (key.isEmpty()) {
            throw new KustomizeException(where + ": \"" + key + "\" is not a valid key name for a " + kind
                    + ": a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
        }
    }

    /**
     * kustomize breaks base64 (Secret data, ConfigMap binaryData) into 70-character lines, each ending in a newline,
     * when it is longer than one line; the value then prints as a literal block.
     */
    static String wrapBase64(String b64) {
        int lines = b64.length() / 70 + 1;
        if (lines <= 1) {
            return b64;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 70) {
            sb.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return sb.toString();
    }

    private static String unquote(String v) {
        if (v.length() >= 2) {
            char f = v.charAt(0);
            char l = v.charAt(v.length() - 1);
            if ((f == '"' || f == '\'') && f == l) {
                return v.substring(1, v.length() - 1);
            }
        }
        return v;
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Generator options after merging the kustomization-wide generatorOptions into an entry's options. */
    private record Options(Map<String, String> labels, Map<String, String> annotations, boolean disableHash,
                           boolean immutable) {
        static Options merge(Map<String, Object> local, Map<String, Object> global) {
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> annotations = new LinkedHashMap<>();
            boolean disable = false;
            boolean immutable = false;
            for (Map<String, Object> o : new java.util.ArrayList<>(java.util.Arrays.asList(local, global))) {
                if (o == null) {
                    continue;
                }
                Map<String, Object> l = Values.asMap(o.get("labels"));
                if (l != null) {
                    l.forEach((k, v) -> labels.put(k, Resource.str(v)));
                }
                Map<String, Object> a = Values.asMap(o.get("annotations"));
                if (a != null) {
                    a.forEach((k, v) -> annotations.put(k, Resource.str(v)));
                }
                disable |= Boolean.TRUE.equals(o.get("disableNameSuffixHash"));
                immutable |= Boolean.TRUE.equals(o.get("immutable"));
            }
            return new Options(labels, annotations, disable, immutable);
        }
    }
}
