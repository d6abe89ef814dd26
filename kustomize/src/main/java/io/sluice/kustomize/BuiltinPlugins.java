package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries of `transformers:` and `generators:` that configure kustomize's builtin plugins
 * (apiVersion: builtin), inline or from a file. They run through the same code as the
 * corresponding kustomization fields. Anything else there is an external plugin or KRM function,
 * which this engine does not run: that is an error naming the entry and the file.
 */
final class BuiltinPlugins {
    private BuiltinPlugins() {
    }

    static void transform(String entry, KustomizationFile kust, Loader ldr, Accumulator ra, BuildContext ctx) {
        String configuredIn = configuredIn(entry, kust, ldr, ctx);
        for (Map<String, Object> cfg : configs(entry, "transformers", kust, ldr, ctx)) {
            runTransformer(cfg, kust, ldr, ra, ctx);
            if (ctx.transformerAnnotations) {
                for (Resource r : ra.resMap.resources()) {
                    String prev = r.annotation(Transformers.TRANSFORMATIONS);
                    r.setAnnotation(Transformers.TRANSFORMATIONS, (prev == null ? "" : prev) + "- configuredIn: "
                            + configuredIn + "\n  configuredBy:\n" + configuredBy(cfg, "    "));
                }
            }
        }
    }

    /** Where a plugin config came from: its file, or the kustomization when given inline. */
    private static String configuredIn(String entry, KustomizationFile kust, Loader ldr, BuildContext ctx) {
        boolean inline = entry.contains("\n") || entry.trim().startsWith("apiVersion:") || entry.trim().startsWith("kind:");
        return ctx.kustFileRelative(inline ? java.nio.file.Path.of(kust.path()).getFileName().toString() : entry);
    }

    /** The configuredBy block (apiVersion, kind, name, namespace) at the given indentation. */
    private static String configuredBy(Map<String, Object> cfg, String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("apiVersion: ").append(Resource.str(cfg.get("apiVersion"))).append('\n');
        sb.append(indent).append("kind: ").append(Resource.str(cfg.get("kind"))).append('\n');
        String name = Resource.str(Values.get(cfg, "metadata", "name"));
        String ns = Resource.str(Values.get(cfg, "metadata", "namespace"));
        if (!name.isEmpty()) {
            sb.append(indent).append("name: ").append(name).append('\n');
        }
        if (!ns.isEmpty()) {
            sb.append(indent).append("namespace: ").append(ns).append('\n');
        }
        return sb.toString();
    }

    static void generate(String entry, KustomizationFile kust, Loader ldr, Accumulator ra, BuildContext ctx) {
        String configuredIn = configuredIn(entry, kust, ldr, ctx);
        for (Map<String, Object> cfg : configs(entry, "generators", kust, ldr, ctx)) {
            String kind = Resource.str(cfg.get("kind"));
            if (kind.equals("IAMPolicyGenerator")) {
                iamPolicy(cfg, kust, ra, ctx, configuredIn);
                continue;
            }
            if (!kind.equals("ConfigMapGenerator") && !kind.equals("SecretGenerator")) {
                throw unsupported("generators", kind, kust);
            }
            Map<String, Object> args = new LinkedHashMap<>();
            // plugin configs are decoded leniently: fields the generator does not know are ignored
            for (String k : List.of("behavior", "files", "literals", "envs", "env", "options", "type")) {
                if (cfg.containsKey(k)) {
                    args.put(k, cfg.get(k));
                }
            }
            // the generated object's name: the config's own `name`, else the plugin's metadata.name
            Object name = cfg.get("name") != null ? cfg.get("name") : Values.get(cfg, "metadata", "name");
            Object ns = cfg.get("namespace") != null ? cfg.get("namespace") : Values.get(cfg, "metadata", "namespace");
            args.put("name", name);
            if (ns != null) {
                args.put("namespace", ns);
            }
            String field = kind.equals("ConfigMapGenerator") ? "configMapGenerator" : "secretGenerator";
            Generators.run(synthetic(kust, field, List.of(args)), ldr, ra, ctx,
                    "configuredIn: " + configuredIn + "\nconfiguredBy:\n" + configuredBy(cfg, "  "));
        }
    }

    /** IAMPolicyGenerator (cloud: gke): a ServiceAccount bound to a Google service account. */
    private static void iamPolicy(Map<String, Object> cfg, KustomizationFile kust, Accumulator ra, BuildContext ctx,
                                  String configuredIn) {
        String where = kust.path() + ": IAMPolicyGenerator '" + Resource.str(Values.get(cfg, "metadata", "name")) + "'";
        if (!"gke".equals(Resource.str(cfg.get("cloud")))) {
            throw new KustomizeException(where + ": cloud '" + Resource.str(cfg.get("cloud"))
                    + "' is not supported (only gke)");
        }
        String saName = Resource.str(Values.get(cfg, "kubernetesService", "name"));
        String saNamespace = Resource.str(Values.get(cfg, "kubernetesService", "namespace"));
        String gsa = Resource.str(Values.get(cfg, "serviceAccount", "name"));
        String project = Resource.str(Values.get(cfg, "serviceAccount", "projectId"));
        if (saName.isEmpty() || gsa.isEmpty() || project.isEmpty()) {
            throw new KustomizeException(where + ": kubernetesService.name, serviceAccount.name and "
                    + "serviceAccount.projectId are required");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", saName);
        if (!saNamespace.isEmpty()) {
            meta.put("namespace", saNamespace);
        }
        Map<String, Object> ann = new LinkedHashMap<>();
        ann.put("iam.gke.io/gcp-service-account", gsa + "@" + project + ".iam.gserviceaccount.com");
        meta.put("annotations", ann);
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("apiVersion", "v1");
        obj.put("kind", "ServiceAccount");
        obj.put("metadata", meta);
        Resource r = new Resource(obj, kust.path());
        if (ctx.originAnnotations) {
            r.setAnnotation("config.kubernetes.io/origin", "configuredIn: " + configuredIn + "\nconfiguredBy:\n"
                    + configuredBy(cfg, "  "));
        }
        ra.resMap.append(r);
    }

    /**
     * ValueAddTransformer: writes a value (default: the kustomization directory's name) into
     * fields; metadata/namespace works like the namespace transformer, other fields may insert the
     * value as a path segment (filePathPosition).
     */
    private static void valueAdd(Map<String, Object> cfg, KustomizationFile kust, Loader ldr, ResMap m) {
        String where = kust.path() + ": ValueAddTransformer";
        String value = Resource.str(cfg.get("value")).trim();
        if (value.isEmpty()) {
            value = ldr.root().getFileName().toString();
        }
        List<Object> targets = new ArrayList<>();
        if (Values.asList(cfg.get("targets")) != null) {
            targets.addAll(Values.asList(cfg.get("targets")));
        }
        if (!Resource.str(cfg.get("targetFilePath")).isEmpty()) {
            Object doc = YamlReader.readOne(ldr.readFile(Resource.str(cfg.get("targetFilePath")), "targetFilePath", kust.path()),
                    where);
            List<Object> more = Values.asList(Values.get(doc, "targets"));
            if (more != null) {
                targets.addAll(more);
            }
        }
        if (targets.isEmpty()) {
            throw new KustomizeException(where + ": must specify at least one target");
        }
        for (Object t : targets) {
            Map<String, Object> target = Values.asMap(t);
            String fieldPath = Resource.str(target.get("fieldPath"));
            if (fieldPath.isEmpty()) {
                throw new KustomizeException(where + ": fieldPath cannot be empty");
            }
            int position = target.get("filePathPosition") == null ? 0
                    : Integer.parseInt(Resource.str(target.get("filePathPosition")));
            if (position < 0) {
                throw new KustomizeException(where + ": value of FilePathPosition (" + position + ") cannot be negative");
            }
            Map<String, Object> selector = Values.asMap(target.get("selector"));
            List<Resource> selected = selector == null ? new ArrayList<>(m.resources())
                    : Selector.from(selector, where).select(m, where);
            if (fieldPath.equals("metadata/namespace")) {
                ResMap only = new ResMap();
                selected.forEach(only::append);
                NamespaceTransformer.apply(only, value, List.of());
                continue;
            }
            final String v = value;
            for (Resource r : selected) {
                new FieldSpec(new Gvk("", "", ""), fieldPath, true).apply(r.map(), (parent, key) -> {
                    Object cur = parent.get(key);
                    String now = cur == null ? "" : Resource.str(cur);
                    parent.put(key, position > 0 ? insertPathPart(now, position - 1, v) : v);
                });
            }
        }
    }

    /** Inserts {@code part} as the pos-th segment of a slash-separated path. */
    static String insertPathPart(String path, int pos, String part) {
        if (path.isEmpty()) {
            return part;
        }
        List<String> parts = new ArrayList<>(List.of(path.split("/", -1)));
        parts.add(Math.min(Math.max(pos, 0), parts.size()), part);
        StringBuilder sb = new StringBuilder(path.startsWith("/") ? "/" : "");
        for (String p : parts) {
            if (!p.isEmpty()) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
                    sb.append('/');
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    private static List<Map<String, Object>> configs(String entry, String field, KustomizationFile kust, Loader ldr,
                                                     BuildContext ctx) {
        String text;
        if (entry.contains("\n") || entry.trim().startsWith("apiVersion:") || entry.trim().startsWith("kind:")) {
            text = entry;
        } else if (Files.isDirectory(ldr.root().resolve(entry))) {
            // a kustomization whose output objects are the plugin configurations
            List<Map<String, Object>> out = new ArrayList<>();
            Loader sub = ldr.child(entry, field, kust.path());
            Accumulator built = new KustTarget(sub, ctx.forPluginDirectory(), false).accumulate(new Accumulator());
            for (Resource r : built.resMap.resources()) {
                if (!"builtin".equals(r.apiVersion())) {
                    throw unsupported(field, r.apiVersion() + "/" + r.kind(), kust);
                }
                out.add(r.map());
            }
            return out;
        } else {
            text = ldr.readFile(entry, field, kust.path());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : YamlReader.readAll(text, kust.path() + " " + field + " entry", true)) {
            Map<String, Object> m = Values.asMap(doc);
            if (m == null) {
                throw new KustomizeException(kust.path() + ": " + field + " entry must be a plugin configuration object");
            }
            if (!"builtin".equals(Resource.str(m.get("apiVersion")))) {
                throw unsupported(field, Resource.str(m.get("apiVersion")) + "/" + Resource.str(m.get("kind")), kust);
            }
            out.add(m);
        }
        return out;
    }

    private static KustomizeException unsupported(String field, String what, KustomizationFile kust) {
        return new KustomizeException(kust.path() + ": field '" + field + "' entry '" + what + "' is not supported: only "
                + "builtin plugin configurations (apiVersion: builtin) run here; external plugins and KRM functions do not");
    }

    private static KustomizationFile synthetic(KustomizationFile kust, String field, Object value) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put(field, value);
        return KustomizationFile.synthetic(raw, kust.path());
    }

    private static List<FieldSpec> specs(Map<String, Object> cfg) {
        List<FieldSpec> out = new ArrayList<>();
        List<Object> l = Values.asList(cfg.get("fieldSpecs"));
        if (l != null) {
            l.forEach(f -> out.add(TransformerConfig.specFrom(f)));
        }
        return out;
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> m = Values.asMap(o);
        if (m != null) {
            m.forEach((k, v) -> out.put(k, Resource.str(v)));
        }
        return out;
    }

    private static void runTransformer(Map<String, Object> cfg, KustomizationFile kust, Loader ldr, Accumulator ra,
                                       BuildContext ctx) {
        ResMap m = ra.resMap;
        String kind = Resource.str(cfg.get("kind"));
        switch (kind) {
            case "NamespaceTransformer" -> {
                String ns = Resource.str(Values.get(cfg, "metadata", "namespace"));
                String mode = Resource.str(cfg.get("setRoleBindingSubjects"));
                if (!List.of("", "defaultOnly", "allServiceAccounts", "none").contains(mode)) {
                    throw new KustomizeException(kust.path() + ": NamespaceTransformer: invalid value \"" + mode
                            + "\" for setRoleBindingSubjects: must be one of \"defaultOnly\", \"none\" or \"allServiceAccounts\"");
                }
                if (!ns.isEmpty()) {   // kustomize's NamespaceTransformer does nothing without a namespace
                    NamespaceTransformer.apply(m, ns, specs(cfg), Boolean.TRUE.equals(cfg.get("unsetOnly")),
                            mode.isEmpty() ? "defaultOnly" : mode);
                }
            }
            case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer" -> {
                String prefix = Resource.str(cfg.get("prefix"));
                String suffix = Resource.str(cfg.get("suffix"));
                if (!prefix.isEmpty()) {
                    PrefixSuffixTransformer.apply(m, prefix, "", specs(cfg));
                }
                if (!suffix.isEmpty()) {
                    PrefixSuffixTransformer.apply(m, "", suffix, specs(cfg));
                }
            }
            case "LabelTransformer" -> MapFieldTransformer.apply(m, strings(cfg.get("labels")), specs(cfg));
            case "AnnotationsTransformer" -> MapFieldTransformer.apply(m, strings(cfg.get("annotations")), specs(cfg));
            case "ImageTagTransformer" -> ImageTransformer.apply(synthetic(kust, "images", List.of(cfg.get("imageTag"))), m,
                    specs(cfg));
            case "ReplicaCountTransformer" -> ReplicaTransformer.apply(synthetic(kust, "replicas",
                    List.of(cfg.get("replica"))), m, specs(cfg));
            case "PatchTransformer" -> {
                Map<String, Object> p = new LinkedHashMap<>();
                for (String k : List.of("path", "patch", "target", "options")) {
                    if (cfg.get(k) != null) {
                        p.put(k, cfg.get(k));
                    }
                }
                Patches.patchesField(synthetic(kust, "patches", List.of(p)), ldr, m, ctx.openApi());
            }
            case "PatchStrategicMergeTransformer" -> {
                List<Object> entries = new ArrayList<>();
                List<Object> paths = Values.asList(cfg.get("paths"));
                if (paths != null) {
                    entries.addAll(paths);
                }
                if (cfg.get("patches") != null) {
                    entries.add(cfg.get("patches"));
                }
                Patches.strategicMergeField(synthetic(kust, "patchesStrategicMerge", entries), ldr, m, ctx.openApi());
            }
            case "PatchJson6902Transformer" -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("target", cfg.get("target"));
                if (cfg.get("path") != null) {
                    p.put("path", cfg.get("path"));
                }
                if (cfg.get("jsonOp") != null) {
                    p.put("patch", cfg.get("jsonOp"));
                }
                Patches.json6902Field(synthetic(kust, "patchesJson6902", List.of(p)), ldr, m);
            }
            case "ReplacementTransformer" -> ReplacementTransformer.apply(synthetic(kust, "replacements",
                    cfg.get("replacements")), ldr, m);
            case "ValueAddTransformer" -> valueAdd(cfg, kust, ldr, m);
            default -> throw unsupported("transformers", "builtin/" + kind, kust);
        }
    }
}
