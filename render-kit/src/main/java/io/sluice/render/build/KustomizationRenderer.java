package io.sluice.render.build;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.ObjectMetadata;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.Kustomizer;
import io.sluice.kustomize.yaml.YamlWriter;
import io.sluice.render.substitute.VariableSource;
import io.sluice.render.substitute.VariableSubstitution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a Kustomization from an unpacked source artifact the way kustomize-controller does:
 *
 * <ol>
 *   <li>resolve {@code spec.path} in the artifact ({@link SourcePath}; failures are {@code ArtifactFailed});</li>
 *   <li>make the folder's kustomization with the Kustomization's overrides ({@link KustomizationOverrides}),
 *       generating one from the folder's manifests when there is none; like Flux's in-memory build it is given to
 *       the engine in place of the file, so the artifact is neither copied nor changed;</li>
 *   <li>build it with the Kustomize engine; every object must have apiVersion, kind and metadata.name;</li>
 *   <li>run {@code spec.postBuild} substitution on each object ({@link VariableSubstitution});</li>
 *   <li>set {@code spec.commonMetadata} labels and annotations on each object's metadata only (never on
 *       selectors or pod templates), as Flux's {@code SetCommonMetadata} does just before applying.</li>
 * </ol>
 *
 * Everything after step 1 fails with {@code BuildFailed}. Messages show paths relative to the artifact root.
 * A renderer holds no state; one instance may render in parallel, also several Kustomizations of one artifact.
 * render-service renders with it, and {@code sluice build kustomization} does on a local checkout.
 */
public final class KustomizationRenderer {

    private final Kustomizer kustomizer = new Kustomizer();
    private final VariableSubstitution substitution;

    /** @param strictSubstitution fail on unset variables without default (Flux's default: true) */
    public KustomizationRenderer(boolean strictSubstitution) {
        this.substitution = new VariableSubstitution(strictSubstitution);
    }

    /**
     * @param artifactRoot the unpacked artifact; it is not modified
     * @param what         the artifact in messages: "artifact of GitRepository flux-system/app at main@sha1:…"
     * @param variables    ConfigMaps and Secrets for {@code postBuild.substituteFrom}
     */
    public RenderedSet render(Path artifactRoot, Kustomization kustomization, String what, VariableSource variables) {
        KustomizationSpec spec = kustomization.getSpec() == null ? new KustomizationSpec() : kustomization.getSpec();
        Path root = artifactRoot.toAbsolutePath().normalize();
        return renderFolder(root, SourcePath.resolve(root, spec.getPath(), what), kustomization, variables);
    }

    /**
     * Renders {@code dir} as the folder of the Kustomization (its {@code spec.path} is not looked at): for a local
     * checkout where the folder is given directly.
     *
     * @param root the top of what the build may use: components must stay inside it, messages are relative to it
     */
    public RenderedSet renderFolder(Path root, Path dir, Kustomization kustomization, VariableSource variables) {
        KustomizationSpec spec = kustomization.getSpec() == null ? new KustomizationSpec() : kustomization.getSpec();
        Path top = root.toAbsolutePath().normalize();
        Path folder = dir.toAbsolutePath().normalize();
        VariableSubstitution.Variables vars = substitution.resolve(kustomization, variables);
        String kustomizationText = KustomizationOverrides.generate(top, folder, spec, p -> display(top, p));
        List<Map<String, Object>> built;
        try {
            built = kustomizer.build(folder, kustomizationText);
        } catch (KustomizeException e) {
            throw RenderException.build("kustomize build failed: " + relativize(e.getMessage(), top), e);
        } catch (RuntimeException e) {
            // The engine promises KustomizeException; anything else is a bug, but still one Kustomization's failure.
            throw RenderException.build("kustomize build failed: " + e, e);
        }
        List<RenderedObject> out = new ArrayList<>(built.size());
        for (Map<String, Object> object : built) {
            checkIdentity(object);
            String describe = describe(object);
            Map<String, Object> result = substitution.apply(object, vars, describe);
            setCommonMetadata(result, spec.getCommonMetadata());
            out.add(new RenderedObject(result, YamlWriter.write(result)));
        }
        return RenderedSet.of(out);
    }
    private static void checkIdentity(Map<String, Object> object) {
        boolean ok = object.get("apiVersion") instanceof String a && !a.isBlank()
                && object.get("kind") instanceof String k && !k.isBlank()
                && object.get("metadata") instanceof Map<?, ?> m && m.get("name") instanceof String n && !n.isBlank();
        if (!ok) {
            String text = YamlWriter.write(object);
            throw RenderException.build("failed to decode Kubernetes apiVersion, kind and name from: "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    private static String describe(Map<String, Object> object) {
        Map<?, ?> meta = (Map<?, ?>) object.get("metadata");
        Object ns = meta.get("namespace");
        return object.get("kind") + "/" + (ns == null || ns.toString().isEmpty() ? "" : ns + "/") + meta.get("name");
    }

    /** Flux's SetCommonMetadata: merge into metadata.labels / metadata.annotations, the common values winning. */
    @SuppressWarnings("unchecked")
    static void setCommonMetadata(Map<String, Object> object, ObjectMetadata common) {
        if (common == null) {
            return;
        }
        Map<String, Object> meta = (Map<String, Object>) object.get("metadata");
        for (String field : List.of("labels", "annotations")) {
            Map<String, String> add = field.equals("labels") ? common.getLabels() : common.getAnnotations();
            if (add == null || add.isEmpty()) {
                continue;
            }
            Map<String, Object> target = meta.get(field) instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
            target.putAll(add);
            meta.put(field, target);   // the printer sorts keys as kustomize does
        }
    }

    private static String display(Path root, Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? "./" : rel;
    }

    /** Engine messages name absolute paths (the engine resolves links); show them relative to the artifact root. */
    private static String relativize(String message, Path root) {
        if (message == null) {
            return "";
        }
        String out = message;
        for (Path abs : List.of(realPath(root), root)) {
            out = out.replace(abs + "/", "").replace(abs.toString(), ".");
        }
        return out;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p;
        }
    }
}
