package io.sluice.kustomize;

import java.util.Map;

/**
 * The OpenAPI schemas of one build, following kustomize's global schema state, which decides how strategic
 * merge patches merge lists and which custom kinds are cluster-scoped:
 *
 * <ul>
 *   <li><b>Choosing.</b> A kustomization's {@code openapi} field chooses the schema: the top kustomization first,
 *       then the first base or component that has one, in build order; after that the choice holds for the rest of
 *       the build, overlays included ({@link #choose}).</li>
 *   <li><b>Loading.</b> kustomize loads schema definitions only when something first needs them (a strategic
 *       merge patch, or the scope of a kind outside its built-in table) and never unloads them: the built-in
 *       Kubernetes schema loaded before a custom one was chosen stays loaded next to it. So after a custom
 *       schema, Deployments still merge containers by name if a patch had needed the built-in schema earlier
 *       in the build, and replace them otherwise.</li>
 * </ul>
 */
final class OpenApiState {
    /** The schemas loaded when a patch is applied: the custom one (or null) and whether the built-in one is loaded. */
    record Loaded(OpenApiSchema custom, boolean builtin) {
    }

    private OpenApiSchema chosen;       // the custom schema chosen, null for the built-in one
    private boolean isChosen;           // a kustomization chose (a custom schema or a built-in version)
    private boolean loaded;             // the chosen schema's definitions are loaded (kustomize's schemaInit)
    private boolean builtinLoaded;      // the built-in definitions are loaded (they stay)
    private OpenApiSchema customLoaded; // the custom definitions loaded, if any
    private boolean builtinWanted;      // a scope question on the built-in schema asked for it (kustomize's "delayed" parse)

    /**
     * A kustomization's {@code openapi} field, as kustomize's SetSchema takes it. A {@code path} is read even when
     * it comes too late to count. Both {@code path} and {@code version}, or a version that is not built in, fail.
     *
     * @param top the build's own kustomization, which chooses first
     */
    void choose(KustomizationFile kust, Loader ldr, boolean top) {
        Map<String, String> field = kust.stringMap("openapi");
        OpenApiSchema custom = null;
        if (field.containsKey("path")) {
            String p = field.get("path");
            custom = OpenApiSchema.parse(ldr.readFile(p, "openapi.path", kust.path()), p);
        }
        if (isChosen && !top) {
            return;
        }
        if (custom != null) {
            if (field.containsKey("version")) {
                throw new KustomizeException(kust.path() + ": openapi: builtin version and custom schema provided, cannot use both"
                        + " (give either path or version)");
            }
            chosen = custom;
            isChosen = true;
            loaded = false;
            return;
        }
        String version = field.getOrDefault("version", "");
        if (version.isEmpty()) {
            return;
        }
        if (!version.equals(BuildContext.BUILT_IN_OPENAPI)) {
            throw new KustomizeException(kust.path() + ": openapi.version '" + version + "': the specified OpenAPI version is not built in"
                    + " (kustomize v5.7.1 has only " + BuildContext.BUILT_IN_OPENAPI + ")");
        }
        chosen = null;
        isChosen = true;
        loaded = false;
    }

    /** The schemas a strategic merge patch sees now (it makes kustomize load the chosen one). */
    Loaded forPatch() {
        load();
        return new Loaded(customLoaded, builtinLoaded);
    }

    /**
     * For a kind outside kustomize's built-in scope table: whether the custom schema's paths make it
     * cluster-scoped. With the built-in schema chosen the answer is no, and kustomize notes that it will want the
     * built-in definitions once anything loads a schema.
     */
    boolean customClusterScoped(Gvk gvk) {
        if (chosen == null) {
            if (!builtinLoaded) {
                builtinWanted = true;
            }
            return false;
        }
        load();
        return chosen.isClusterScoped(gvk);
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (chosen != null) {
            customLoaded = chosen;
        } else {
            builtinLoaded = true;
        }
        if (builtinWanted) {
            builtinLoaded = true;
        }
    }
}
