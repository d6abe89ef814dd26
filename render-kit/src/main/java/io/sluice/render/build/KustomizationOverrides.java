package io.sluice.render.build;

import io.sluice.api.kustomize.Image;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.kustomize.Patch;
import io.sluice.api.kustomize.Selector;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.YamlReader;
import io.sluice.kustomize.yaml.YamlWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kustomization file Flux's generator writes before building: the folder's own kustomization (or one
 * generated from its manifests, see {@link ManifestScanner}) with the Kustomization's overrides merged in:
 *
 * <ul>
 *   <li>{@code targetNamespace} replaces {@code namespace}; {@code namePrefix} and {@code nameSuffix} replace
 *       the file's own;</li>
 *   <li>{@code patches} are appended (patch text and target);</li>
 *   <li>{@code components} are appended; each must be a local relative path, and with
 *       {@code ignoreMissingComponents} a missing one is left out;</li>
 *   <li>{@code images}: an entry with the same {@code name} is updated field by field ({@code newName} when set;
 *       {@code newTag} and {@code digest} together, since they both choose the version), others are appended.</li>
 * </ul>
 *
 * Unlike Flux, which round-trips the file through kustomize's Go struct and so silently drops unknown fields,
 * the file keeps every field, so the engine reports a misspelt one.
 */
public final class KustomizationOverrides {

    private KustomizationOverrides() {
    }

    /**
     * The kustomization to build {@code dir} with: its own file (or one generated from its manifests) with the
     * Kustomization's overrides merged in, as YAML text. Nothing is written: the engine builds the folder with this
     * text in place of its file ({@code Kustomizer.build(dir, text)}).
     *
     * @param root    the root of the artifact: components must stay inside it
     * @param dir     the folder to build, inside {@code root}
     * @param display a path as shown in messages (relative to the artifact root)
     */
    public static String generate(Path root, Path dir, KustomizationSpec spec, Function<Path, String> display) {
        Path existing = ManifestScanner.kustomizationFile(dir);
        Map<String, Object> kus;
        if (existing != null) {
            kus = read(existing, display.apply(existing));
            if (!(kus.get("resources") instanceof List<?> r) || r.isEmpty()) {
                // as Flux: otherwise a kustomization with only components/generators may be "empty" to kustomize
                kus.putIfAbsent("buildMetadata", new ArrayList<>(List.of("originAnnotations")));
            }
        } else {
            kus = new LinkedHashMap<>();
            kus.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
            kus.put("kind", "Kustomization");
            List<String> resources = ManifestScanner.scan(dir, display);
            if (resources.isEmpty()) {
                kus.put("namespace", "_placeholder");   // as Flux: an empty folder renders nothing instead of failing
            } else {
                kus.put("resources", new ArrayList<Object>(resources));
            }
        }
        if (spec != null) {
            merge(kus, spec, root, dir);
        }
        return YamlWriter.write(kus);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file, String shown) {
        Object doc;
        try {
            // YAML 1.1, as kustomize reads its kustomization files
            doc = YamlReader.readOne(Files.readString(file, StandardCharsets.UTF_8), shown, true);
        } catch (IOException e) {
            throw RenderException.build("failed to read " + shown + ": " + e.getMessage(), e);
        } catch (KustomizeException e) {
            throw RenderException.build(e.getMessage(), e);
        }
        if (doc == null) {
            return new LinkedHashMap<>(Map.of("apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization"));
        }
        if (!(doc instanceof Map<?, ?>)) {
            throw RenderException.build(shown + ": a kustomization file must be a YAML mapping");
        }
        return (Map<String, Object>) doc;
    }

    private static void merge(Map<String, Object> kus, KustomizationSpec spec, Path root, Path dir) {
        if (spec.getTargetNamespace() != null) {
            kus.put("namespace", spec.getTargetNamespace());
        }
        if (spec.getNamePrefix() != null) {
            kus.put("namePrefix", spec.getNamePrefix());
        }
        if (spec.getNameSuffix() != null) {
            kus.put("nameSuffix", spec.getNameSuffix());
        }
        if (spec.getPatches() != null) {
            List<Object> patches = list(kus, "patches");
            for (int i = 0; i < spec.getPatches().size(); i++) {
                Patch p = spec.getPatches().get(i);
                if (p.getPatch() == null || p.getPatch().isBlank()) {
                    throw RenderException.build("spec.patches[" + i + "].patch is empty; give a strategic merge or JSON 6902 patch");
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("patch", p.getPatch());
                if (p.getTarget() != null) {
                    entry.put("target", target(p.getTarget()));
                }
                patches.add(entry);
            }
        }
        if (spec.getComponents() != null) {
            boolean ignoreMissing = Boolean.TRUE.equals(spec.getIgnoreMissingComponents());
            List<Object> components = null;
            for (String component : spec.getComponents()) {
                if (!isLocalRelative(component)) {
                    throw RenderException.build("spec.components: component path '" + component + "' must be local and relative");
                }
                if (!dir.resolve(component).normalize().startsWith(root)) {
                    throw RenderException.build("spec.components: component path '" + component + "' points outside the artifact");
                }
                if (ignoreMissing && !Files.exists(dir.resolve(component))) {
                    continue;
                }
                if (components == null) {
                    components = list(kus, "components");
                }
                components.add(component);
            }
        }
        if (spec.getImages() != null) {
            mergeImages(kus, spec.getImages());
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeImages(Map<String, Object> kus, List<Image> images) {
        List<Object> entries = list(kus, "images");
        for (Image image : images) {
            Map<String, Object> match = null;
            for (Object e : entries) {
                if (e instanceof Map<?, ?> m && image.getName() != null && image.getName().equals(m.get("name"))) {
                    match = (Map<String, Object>) m;
                    break;
                }
            }
            if (match == null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                putIfSet(entry, "name", image.getName());
                putIfSet(entry, "newName", image.getNewName());
                putIfSet(entry, "newTag", image.getNewTag());
                putIfSet(entry, "digest", image.getDigest());
                entries.add(entry);
                continue;
            }
            if (notEmpty(image.getNewName())) {
                match.put("newName", image.getNewName());
            }
            if (notEmpty(image.getNewTag()) || notEmpty(image.getDigest())) {
                match.remove("newTag");
                match.remove("digest");
                putIfSet(match, "newTag", image.getNewTag());
                putIfSet(match, "digest", image.getDigest());
            }
        }
    }

    /** A patch target as a kustomization file writes it (unset fields left out); Flux's post-renderers write the same. */
    public static Map<String, Object> target(Selector s) {
        Map<String, Object> t = new LinkedHashMap<>();
        putIfSet(t, "group", s.getGroup());
        putIfSet(t, "version", s.getVersion());
        putIfSet(t, "kind", s.getKind());
        putIfSet(t, "name", s.getName());
        putIfSet(t, "namespace", s.getNamespace());
        putIfSet(t, "labelSelector", s.getLabelSelector());
        putIfSet(t, "annotationSelector", s.getAnnotationSelector());
        return t;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> kus, String field) {
        Object v = kus.get(field);
        if (v == null) {
            List<Object> l = new ArrayList<>();
            kus.put(field, l);
            return l;
        }
        if (!(v instanceof List<?>)) {
            throw RenderException.build("kustomization field '" + field + "' must be a list to merge spec." + field + " into it");
        }
        List<Object> copy = new ArrayList<>((List<Object>) v);
        kus.put(field, copy);
        return copy;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (notEmpty(value)) {
            m.put(key, value);
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** Flux's rule: not remote (URL, git::, gh:, git@, github.com) and not absolute; '..' is fine inside the artifact. */
    static boolean isLocalRelative(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        for (String remote : List.of("git::", "gh:", "ssh://", "https://", "http://", "git@", "github.com:", "github.com/")) {
            if (lower.startsWith(remote) && lower.length() > remote.length()) {
                return false;
            }
        }
        String local = lower.startsWith("file://") ? path.substring("file://".length()) : path;
        return !local.startsWith("/") && !local.startsWith("\\") && !Path.of(path).isAbsolute();
    }
}
