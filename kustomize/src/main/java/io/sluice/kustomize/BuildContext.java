package io.sluice.kustomize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Build-wide settings from the top kustomization (buildMetadata) and the current path below it. */
final class BuildContext {
    final boolean originAnnotations;
    final boolean transformerAnnotations;
    final boolean managedByLabel;
    private final Deque<String> path = new ArrayDeque<>();

    BuildContext(List<String> buildMetadata, String kustFile) {
        // kustomize ignores options it does not know
        originAnnotations = buildMetadata.contains("originAnnotations");
        transformerAnnotations = buildMetadata.contains("transformerAnnotations");
        managedByLabel = buildMetadata.contains("managedByLabel");
    }

    void enter(String p) {
        path.addLast(p);
    }

    void leave() {
        path.removeLast();
    }

    /** Path of {@code file} relative to the top kustomization, as kustomize writes it in origin annotations. */
    String relative(String file) {
        java.nio.file.Path p = java.nio.file.Path.of("");
        for (String s : path) {
            p = p.resolve(s);
        }
        return p.resolve(file).normalize().toString();
    }

    void annotateOrigin(Resource r, String file) {
        if (originAnnotations) {
            r.setAnnotation("config.kubernetes.io/origin", "path: " + relative(file) + "\n");
        }
    }

    String kustFileRelative(String kustFileName) {
        return relative(kustFileName);
    }
}
