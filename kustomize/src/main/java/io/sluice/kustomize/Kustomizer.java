package io.sluice.kustomize;

import io.sluice.kustomize.yaml.YamlWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point: {@code new Kustomizer().build(dir)} does what {@code kustomize build dir} does
 * (kustomize v5.7.1, default options) and {@link #buildYaml} prints it the same way.
 */
public final class Kustomizer {
    static final String MANAGED_BY = "kustomize-v5.7.1";

    /** The built objects, in output order. */
    public List<Map<String, Object>> build(Path dir) {
        Loader ldr = Loader.forRoot(dir);
        return build(ldr, KustomizationFile.load(ldr.root()));
    }

    /**
     * {@link #build(Path)} with {@code kustomizationText} in place of {@code dir}'s kustomization file (which need
     * not exist): the build Flux's kustomize-controller makes after writing its overrides into that file, without
     * writing anything.
     */
    public List<Map<String, Object>> build(Path dir, String kustomizationText) {
        Loader ldr = Loader.forRoot(dir);
        return build(ldr, KustomizationFile.withContent(ldr.root(), kustomizationText));
    }

    private List<Map<String, Object>> build(Loader ldr, KustomizationFile top) {
        BuildContext ctx = new BuildContext(top.strings("buildMetadata"), top.path());
        try {
            KustTarget target = new KustTarget(ldr, top, ctx, true);
            Accumulator ra = target.accumulate(new Accumulator());
            HashTransformer.apply(ra.resMap);
            NameReferenceTransformer.apply(ra.resMap, ra.config);
            Vars.resolve(ra);
            dropLocalConfig(ra.resMap);
            Sorter.sort(ra.resMap, top);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Resource r : ra.resMap.resources()) {
                stringifyAnnotations(r);
                checkJsonable(r.map(), r);
                if (ctx.managedByLabel) {
                    r.setLabel("app.kubernetes.io/managed-by", MANAGED_BY);
                }
                out.add(JsonRoundTrip.apply(r.map(), r.curId().describe() + (r.source != null ? " (from " + r.source + ")" : "")));
            }
            return out;
        } finally {
            ctx.close();
        }
    }

    /** The build printed as kustomize prints it. */
    public String buildYaml(Path dir) {
        return YamlWriter.writeAll(build(dir));
    }

    /**
     * kustomize rewrites every annotation map as map[string]string at the end of a build, and drops
     * metadata.annotations when it ends up empty (or is not a map at all). A null annotation becomes the text it
     * was written with: {@code null}, {@code ~}, or {@code ""} when nothing was written.
     */
    private static void stringifyAnnotations(Resource r) {
        Map<String, Object> meta = io.sluice.kustomize.yaml.Values.asMap(r.map().get("metadata"));
        if (meta == null || !meta.containsKey("annotations")) {
            return;
        }
        Map<String, Object> a = r.annotations();
        if (a == null || a.isEmpty()) {
            meta.remove("annotations");
            return;
        }
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object v = e.getValue();
            e.setValue(v == null ? io.sluice.kustomize.yaml.YamlMap.nullTextOf(a, e.getKey()).text() : Resource.str(v));
        }
    }

    /** kustomize prints through JSON, which has no infinity or NaN. */
    private static void checkJsonable(Object v, Resource r) {
        if (v instanceof Double d && (d.isInfinite() || d.isNaN())) {
            throw new KustomizeException(r.curId().describe() + (r.source != null ? " (from " + r.source + ")" : "")
                    + ": json: unsupported value: " + (d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
        }
        // plain loops rather than lambdas here and below: each lambda costs a link on a cold start
        if (v instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                checkJsonable(x, r);
            }
        } else if (v instanceof List<?> l) {
            for (Object x : l) {
                checkJsonable(x, r);
            }
        }
    }

    private static void dropLocalConfig(ResMap m) {
        for (java.util.Iterator<Resource> it = m.resources().iterator(); it.hasNext(); ) {
            if ("true".equals(it.next().annotation("config.kubernetes.io/local-config"))) {
                it.remove();
            }
        }
    }
}
