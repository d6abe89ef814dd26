package io.sluice.render.helm;

import io.sluice.api.helm.HelmRendering.CrdFile;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Helm rendered from a chart, sorted as Helm sorts it: the {@code crds/} files, the release manifest's documents
 * and the hooks, each document with the template it came from.
 *
 * <p>{@link #of} reads the engine's output for the masked chart ({@link ChartWorkspace}): every document is
 * {@code ---\n# Source: <path>\n<content>\n}, in Helm's install order; a document with the masked hook annotation is a
 * hook (kept in that order, which is the order Helm sorts hooks in), one naming an event Helm does not know is left out
 * as Helm leaves it out, the rest is the manifest.
 *
 * @param crds      the chart's CRD files, its own then its dependencies'
 * @param manifests the release manifest's documents
 * @param hooks     the hooks
 */
record RenderedChart(List<CrdFile> crds, List<Document> manifests, List<HelmHook> hooks) {

    private static final Pattern DOCUMENT_START = Pattern.compile("(?m)^---\\n# Source: ");
    private static final String WEIGHT = ChartWorkspace.MASK + "-weight";
    private static final String DELETE_POLICY = ChartWorkspace.MASK + "-delete-policy";
    private static final String OUTPUT_LOG_POLICY = ChartWorkspace.MASK + "-output-log-policy";

    /** One rendered document and the template it came from. */
    record Document(String path, String content) {
        /** As Helm writes it into a manifest: {@code ---\n# Source: <path>\n<content>\n}. */
        String text() {
            return "---\n# Source: " + path + "\n" + content + "\n";
        }
    }

    /** Sorts the engine's output (still masked) and unmasks every document. */
    static RenderedChart of(String maskedOutput, List<CrdFile> crds) {
        List<Document> manifests = new ArrayList<>();
        List<HelmHook> hooks = new ArrayList<>();
        for (Document masked : documents(maskedOutput)) {
            Object parsed = masked.content().contains(ChartWorkspace.MASK) ? parse(masked) : null;
            Map<String, Object> annotations = Values.asMap(Values.get(parsed, "metadata", "annotations"));
            Object hookTypes = annotations == null ? null : annotations.get(ChartWorkspace.MASK);
            Document document = new Document(masked.path(), ChartWorkspace.unmask(masked.content()));
            if (hookTypes == null) {
                manifests.add(document);
                continue;
            }
            List<String> events = new ArrayList<>();
            boolean unknown = false;
            for (String type : split(Values.scalarTextOrType(hookTypes))) {
                String event = type.equals("test-success") ? "test" : type;
                if (!HelmHook.EVENTS.contains(event)) {
                    unknown = true;
                    break;
                }
                events.add(event);
            }
            if (unknown) {
                continue; // Helm skips a document with an unknown hook type entirely
            }
            hooks.add(new HelmHook(text(Values.get(parsed, "metadata", "name")), text(Values.get(parsed, "kind")), document.path(), document.content(), events,
                    weight(annotations.get(WEIGHT)), split(annotations.get(DELETE_POLICY)), split(annotations.get(OUTPUT_LOG_POLICY))));
        }
        return new RenderedChart(List.copyOf(crds), List.copyOf(manifests), List.copyOf(hooks));
    }

    /** The release manifest before post-rendering: what Helm stores when nothing post-renders it. */
    String manifestText() {
        StringBuilder out = new StringBuilder();
        manifests.forEach(d -> out.append(d.text()));
        return out.toString();
    }

    /**
     * What {@code helm template} prints for the same chart and values: the CRDs with {@code --include-crds}, the manifest,
     * then every hook (test hooks included).
     */
    String templateText(boolean includeCrds) {
        StringBuilder out = new StringBuilder();
        if (includeCrds) {
            crds.forEach(crd -> out.append("---\n# Source: ").append(crd.path()).append('\n').append(crd.manifest()).append('\n'));
        }
        out.append(manifestText().strip()).append('\n');
        hooks.forEach(h -> out.append("---\n# Source: ").append(h.path()).append('\n').append(h.manifest()).append('\n'));
        return out.toString();
    }

    private static List<Document> documents(String output) {
        List<Document> documents = new ArrayList<>();
        String text = output.strip();
        if (text.isEmpty()) {
            return documents;
        }
        if (!text.startsWith("---\n# Source: ")) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "unexpected output from the Helm engine: "
                    + text.substring(0, Math.min(120, text.length())));
        }
        String[] parts = DOCUMENT_START.split(text);
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            int newline = part.indexOf('\n');
            String path = newline < 0 ? part : part.substring(0, newline);
            String content = newline < 0 ? "" : part.substring(newline + 1);
            documents.add(new Document(path, content.endsWith("\n") ? content.substring(0, content.length() - 1) : content));
        }
        return documents;
    }

    private static Object parse(Document document) {
        try {
            return YamlReader.readOne(document.content(), document.path(), true);
        } catch (KustomizeException e) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "YAML parse error on " + document.path() + ": " + e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : Values.scalarTextOrType(value);
    }

    /** Helm's strconv.Atoi of the weight; anything else is 0. */
    private static int weight(Object value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(Values.scalarTextOrType(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A comma-separated annotation value, each part trimmed and lower-cased, as Helm reads it. */
    private static List<String> split(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : Values.scalarTextOrType(value).split(",", -1)) {
            out.add(part.strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
