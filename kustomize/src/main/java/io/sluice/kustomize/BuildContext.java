package io.sluice.kustomize;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Build-wide settings: from the top kustomization (buildMetadata), the OpenAPI schema chosen so far, and the
 * current path below the top.
 */
final class BuildContext {
    /** The one Kubernetes schema kustomize v5.7.1 has built in ({@code openapi: {version: ...}}). */
    static final String BUILT_IN_OPENAPI = "v1.21.2";

    final boolean originAnnotations;
    final boolean transformerAnnotations;
    final boolean managedByLabel;
    private final Deque<String> path = new ArrayDeque<>();
    private final OpenApiState openApi;

    BuildContext(List<String> buildMetadata, String kustFile) {
        this(buildMetadata, new OpenApiState());
        ClusterScope.useOpenApi(openApi);
    }

    private BuildContext(List<String> buildMetadata, OpenApiState openApi) {
        this.openApi = openApi;
        // kustomize ignores options it does not know
        originAnnotations = buildMetadata.contains("originAnnotations");
        transformerAnnotations = buildMetadata.contains("transformerAnnotations");
        managedByLabel = buildMetadata.contains("managedByLabel");
    }

    /** See {@link OpenApiState#choose}. */
    void useOpenApi(KustomizationFile kust, Loader ldr, boolean top) {
        openApi.choose(kust, ldr, top);
    }

    /** The build's OpenAPI schemas. */
    OpenApiState openApi() {
        return openApi;
    }

    /**
     * The context for a kustomization directory listed under {@code transformers} or {@code generators}: no build
     * metadata of its own, the same OpenAPI schema choice as the build.
     */
    BuildContext forPluginDirectory() {
        return new BuildContext(List.of(), openApi);
    }

    /** Ends the build: the schema no longer applies on this thread. */
    void close() {
        ClusterScope.useOpenApi(null);
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
