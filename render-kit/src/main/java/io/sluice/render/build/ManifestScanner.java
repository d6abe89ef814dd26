package io.sluice.render.build;

import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the resources of a folder that has no kustomization file, as Flux's generator does: every
 * {@code .yaml}/{@code .yml} file below it, recursively, in lexical order; a sub-folder that has its own
 * kustomization file is listed as one resource and not descended into.
 *
 * <p>Every listed file must hold Kubernetes objects; a YAML file that is not (a CI config, a values file) fails
 * the render naming the file, as in Flux. The files Flux's source-controller leaves out of every artifact by
 * default (CI configs such as {@code .gitlab-ci.yml}, {@code .github/}, {@code .sops.yaml},
 * {@code .goreleaser.yml}, {@code .flux.yaml}, VCS files) are skipped here, so a repository that works with Flux
 * works with Sluice whatever the source-service put into the artifact.
 */
public final class ManifestScanner {

    /** kustomize's recognised kustomization file names, in its order of preference. */
    public static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** Flux source-controller's default exclusions (VCS and CI files), matched by name at any depth. */
    private static final Set<String> EXCLUDED_FILES = Set.of(".gitignore", ".gitmodules", ".gitattributes", ".travis.yml",
            ".gitlab-ci.yml", "appveyor.yml", ".drone.yml", "cloudbuild.yaml", "codeship-services.yml", "codeship-steps.yml",
            ".goreleaser.yml", ".sops.yaml", ".flux.yaml");
    private static final Set<String> EXCLUDED_DIRS = Set.of(".git", ".github", ".circleci");

    private ManifestScanner() {
    }

    /** The kustomization file of {@code dir}, if it has one. */
    public static Path kustomizationFile(Path dir) {
        for (String name : KUSTOMIZATION_FILES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The resources for a generated kustomization in {@code dir}: paths relative to it, starting with {@code ./}.
     *
     * @param display turns a path into the text used in error messages (relative to the artifact root)
     */
    public static List<String> scan(Path dir, java.util.function.Function<Path, String> display) {
        List<String> out = new ArrayList<>();
        walk(dir, dir, out, display);
        return out;
    }

    private static void walk(Path base, Path dir, List<String> out, java.util.function.Function<Path, String> display) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            throw RenderException.build("cannot list " + display.apply(dir) + ": " + e.getMessage(), e);
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (EXCLUDED_DIRS.contains(name)) {
                    continue;
                }
                if (kustomizationFile(child) != null) {
                    out.add("./" + base.relativize(child).toString().replace('\\', '/'));
                } else {
                    walk(base, child, out, display);
                }
                continue;
            }
            if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || EXCLUDED_FILES.contains(name)
                    || !Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            checkKubernetesYaml(child, display.apply(child));
            out.add("./" + base.relativize(child).toString().replace('\\', '/'));
        }
    }

    /** Fails unless every document of the file is a Kubernetes object (apiVersion, kind, metadata.name) or a List. */
    private static void checkKubernetesYaml(Path file, String shown) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw RenderException.build("failed to read " + shown + ": " + e.getMessage(), e);
        }
        List<Object> docs;
        try {
            docs = YamlReader.readAll(text, shown);
        } catch (KustomizeException e) {
            throw RenderException.build("failed to decode Kubernetes YAML from " + shown + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < docs.size(); i++) {
            String problem = problemWith(docs.get(i));
            if (problem != null) {
                throw RenderException.build("failed to decode Kubernetes YAML from " + shown + ": document " + (i + 1) + " " + problem
                        + "; every .yaml file in a folder without kustomization.yaml must be a Kubernetes manifest"
                        + " (add a kustomization.yaml listing the resources, or a .sourceignore entry in the source)");
            }
        }
    }

    private static String problemWith(Object doc) {
        if (!(doc instanceof Map<?, ?> m)) {
            return "is not a YAML mapping";
        }
        if (!(m.get("apiVersion") instanceof String a) || a.isBlank()) {
            return "has no apiVersion";
        }
        if (!(m.get("kind") instanceof String k) || k.isBlank()) {
            return "has no kind";
        }
        if (k.endsWith("List") && m.get("items") instanceof List<?>) {
            return null;
        }
        if (!(m.get("metadata") instanceof Map<?, ?> meta) || !(meta.get("name") instanceof String n) || n.isBlank()) {
            return "(" + k + ") has no metadata.name";
        }
        return null;
    }
}
