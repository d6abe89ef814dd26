package io.sluice.kustomize;

import java.nio.file.Path;
import java.util.Map;

/** Runs a kustomization's builtin transformers in kustomize's fixed order. */
final class Transformers {
    static final String TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

    private Transformers() {
    }

    static void run(KustomizationFile kust, Loader ldr, Accumulator ra, BuildContext ctx) {
        ResMap m = ra.resMap;
        TransformerConfig tc = ra.config;
        Tracker t = new Tracker(m, ctx, kust);
        if (!kust.strings("patchesStrategicMerge").isEmpty()) {
            Patches.strategicMergeField(kust, ldr, m, ctx.openApi());
            t.ran("PatchStrategicMergeTransformer");
        }
        for (Map<String, Object> entry : kust.maps("patches")) {
            Patches.patchesField(only(kust, "patches", entry), ldr, m, ctx.openApi());
            t.ran("PatchTransformer");
        }
        String ns = kust.string("namespace");
        if (!ns.isEmpty()) {
            NamespaceTransformer.apply(m, ns, tc.specs("namespace"));
            t.ran("NamespaceTransformer");
        }
        String prefix = kust.string("namePrefix");
        String suffix = kust.string("nameSuffix");
        if (!prefix.isEmpty()) {
            PrefixSuffixTransformer.apply(m, prefix, "", tc.specs("namePrefix"));
            t.ran("PrefixTransformer");
        }
        if (!suffix.isEmpty()) {
            PrefixSuffixTransformer.apply(m, "", suffix, tc.specs("nameSuffix"));
            t.ran("SuffixTransformer");
        }
        Map<String, String> common = kust.stringMap("commonLabels");
        if (!kust.maps("labels").isEmpty() || !common.isEmpty()) {
            for (Map<String, Object> entry : kust.maps("labels")) {
                LabelTransformer.applyEntry(kust, entry, m, tc);
                t.ran("LabelTransformer");
            }
            // kustomize always configures the commonLabels transformer next to `labels`, even when empty
            MapFieldTransformer.apply(m, common, tc.specs("commonLabels"));
            t.ran("LabelTransformer");
        }
        Map<String, String> annotations = kust.stringMap("commonAnnotations");
        if (!annotations.isEmpty()) {
            MapFieldTransformer.apply(m, annotations, tc.specs("commonAnnotations"));
            t.ran("AnnotationsTransformer");
        }
        for (Map<String, Object> entry : kust.maps("patchesJson6902")) {
            Patches.json6902Field(only(kust, "patchesJson6902", entry), ldr, m);
            t.ran("PatchJson6902Transformer");
        }
        for (Map<String, Object> entry : kust.maps("replicas")) {
            ReplicaTransformer.apply(only(kust, "replicas", entry), m,
                    tc.specs("replicas"));
            t.ran("ReplicaCountTransformer");
        }
        for (Map<String, Object> entry : kust.maps("images")) {
            ImageTransformer.apply(only(kust, "images", entry), m, tc.specs("images"));
            t.ran("ImageTagTransformer");
        }
        if (!kust.maps("replacements").isEmpty()) {
            ReplacementTransformer.apply(kust, ldr, m);
            t.ran("ReplacementTransformer");
        }
        for (String entry : kust.strings("transformers")) {
            BuiltinPlugins.transform(entry, kust, ldr, ra, ctx);
        }
    }

    /** The kustomization reduced to one entry of a list field (kustomize runs one plugin per entry). */
    private static KustomizationFile only(KustomizationFile kust, String field, Map<String, Object> entry) {
        Map<String, Object> raw = new java.util.LinkedHashMap<>();
        raw.put(field, java.util.List.of(entry));
        if (kust.get("openapi") != null) {
            raw.put("openapi", kust.get("openapi"));
        }
        return KustomizationFile.synthetic(raw, kust.path());
    }

    /**
     * buildMetadata: [transformerAnnotations] — after each configured builtin transformer, records on
     * every object which transformer ran and which kustomization configured it.
     */
    private static final class Tracker {
        private final ResMap m;
        private final boolean on;
        private final String configuredIn;

        Tracker(ResMap m, BuildContext ctx, KustomizationFile kust) {
            this.m = m;
            this.on = ctx.transformerAnnotations;
            this.configuredIn = on ? ctx.kustFileRelative(Path.of(kust.path()).getFileName().toString()) : null;
        }

        /** Called right after the transformer {@code kind} ran (plain calls, no lambdas: cheaper on a cold start). */
        void ran(String kind) {
            if (!on) {
                return;
            }
            // like kustomize, every object present after the transformer ran is annotated
            for (Resource res : m.resources()) {
                String prev = res.annotation(TRANSFORMATIONS);
                res.setAnnotation(TRANSFORMATIONS, (prev == null ? "" : prev) + "- configuredIn: " + configuredIn
                        + "\n  configuredBy:\n    apiVersion: builtin\n    kind: " + kind + "\n");
            }
        }
    }
}
