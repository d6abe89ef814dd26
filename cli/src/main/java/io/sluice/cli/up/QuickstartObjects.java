package io.sluice.cli.up;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The Flux objects of the quickstart ({@code examples/quickstart/flux/*.yaml}, one object per file, as Flux's docs
 * write them), with each GitRepository's {@code spec.url} pointed at the repository {@code sluice up} created.
 */
public final class QuickstartObjects {

    /**
     * The kinds the quickstart may hold: the source and what deploys it, a webhook Receiver with its token
     * Secret, and the image automation of images/. Anything else is a mistake worth stopping for.
     */
    static final List<String> KINDS = List.of(GitRepository.KIND, Kustomization.KIND, Receiver.KIND, "Secret",
            ImageRepository.KIND, ImagePolicy.KIND, ImageUpdateAutomation.KIND);

    private QuickstartObjects() {
    }

    /** Reads every {@code *.yaml}/{@code *.yml} in {@code fluxDir}, sorted by file name. */
    public static List<GenericKubernetesResource> load(Path fluxDir, String repositoryUrl) {
        return readFolder(fluxDir, GitRepository.KIND, (spec, file) -> spec.put("url", repositoryUrl),
                "the quickstart needs one (see examples/quickstart/README.md).");
    }

    /**
     * Reads the image automation objects of {@code imagesDir} ({@code examples/quickstart/images/}), with each
     * ImageRepository's {@code spec.image} moved to {@code registry} (HOST[:PORT]): its path stays, its host is
     * replaced, so {@code 127.0.0.1:5000/podinfo} becomes {@code registry/podinfo}.
     */
    public static List<GenericKubernetesResource> loadImages(Path imagesDir, String registry) {
        return readFolder(imagesDir, ImageRepository.KIND,
                (spec, file) -> spec.put("image", registry + "/" + pathOf(String.valueOf(spec.get("image")), file)),
                "--registry needs one to scan.");
    }

    /**
     * The objects of {@code dir}, sorted by file name, with the spec of each object of {@code pointedKind} changed by
     * {@code pointAt} (to the repository or registry {@code up} uses); a folder without such an object is refused.
     */
    private static List<GenericKubernetesResource> readFolder(Path dir, String pointedKind,
            BiConsumer<Map<String, Object>, Path> pointAt, String whyItIsNeeded) {
        List<GenericKubernetesResource> objects = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            GenericKubernetesResource object = read(file);
            if (pointedKind.equals(object.getKind())) {
                pointAt.accept(spec(object, file), file);
            }
            objects.add(object);
        }
        if (objects.stream().noneMatch(o -> pointedKind.equals(o.getKind()))) {
            throw new UpFailedException("No " + pointedKind + " in " + dir + "; " + whyItIsNeeded);
        }
        return objects;
    }

    /** {@code host:port/team/app} without its host: {@code team/app}. */
    private static String pathOf(String image, Path file) {
        int slash = image.indexOf('/');
        if (slash <= 0 || slash == image.length() - 1) {
            throw new UpFailedException(file + ": spec.image " + image + " names no registry host and path (HOST/PATH).");
        }
        return image.substring(slash + 1);
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UpFailedException("The quickstart has no folder " + dir + " with its GitRepository and Kustomization.");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
    }

    private static GenericKubernetesResource read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        List<String> documents = documents(text);
        if (documents.size() != 1) {
            throw new UpFailedException(file + " holds " + documents.size() + " YAML documents; put exactly one object in each file.");
        }
        GenericKubernetesResource object;
        try {
            object = Serialization.unmarshal(documents.get(0), GenericKubernetesResource.class);
        } catch (RuntimeException e) {
            throw new UpFailedException(file + " is not a valid Kubernetes object: " + e.getMessage(), e);
        }
        if (!KINDS.contains(object.getKind())) {
            throw new UpFailedException(file + " holds a " + object.getKind() + "; only " + KINDS + " belong in the quickstart's flux and images folders.");
        }
        if (object.getMetadata() == null || object.getMetadata().getName() == null || object.getMetadata().getNamespace() == null) {
            throw new UpFailedException(file + ": metadata.name and metadata.namespace are required.");
        }
        return object;
    }

    /** Splits on {@code ---} lines and drops documents that hold only comments or blanks. */
    static List<String> documents(String text) {
        List<String> documents = new ArrayList<>();
        for (String document : text.split("(?m)^---\\s*$")) {
            boolean hasContent = document.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
            if (hasContent) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object, Path file) {
        Object spec = object.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map)) {
            throw new UpFailedException(file + ": " + object.getKind() + " " + object.getMetadata().getName() + " has no spec.");
        }
        return (Map<String, Object>) spec;
    }
}
