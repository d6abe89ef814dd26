package io.sluice.render.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.KustomizePostRenderer;
import io.sluice.api.helm.PostRenderer;
import io.sluice.api.kustomize.Image;
import io.sluice.api.kustomize.Patch;
import io.sluice.api.meta.ObjectMetadata;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.Kustomizer;
import io.sluice.kustomize.yaml.YamlWriter;
import io.sluice.render.build.KustomizationOverrides;
import io.sluice.render.artifact.UnpackedArtifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * helm-controller's post-render chain on the release manifest, with Sluice's Kustomize engine: each
 * {@code spec.postRenderers[].kustomize} in turn (its {@code patches} and {@code images}, the manifest as the one
 * resource, in the order Helm rendered it), then {@code spec.commonMetadata} labels and annotations, then the origin
 * labels {@code helm.toolkit.fluxcd.io/name} and {@code helm.toolkit.fluxcd.io/namespace} (which win over a common
 * label of the same key). Labels and annotations go to each object's {@code metadata} only, never into selectors or
 * pod templates.
 *
 * <p>As in Flux the chain always runs (the origin labels are always set), so the stored manifest is printed as
 * Kustomize prints (keys sorted, no {@code # Source:} comments), and hooks are not post-rendered (Helm 3 hands the
 * post-renderer the manifest only).
 */
final class FluxPostRenderer {

    static final String NAME_LABEL = HelmRelease.GROUP + "/name";
    static final String NAMESPACE_LABEL = HelmRelease.GROUP + "/namespace";
    private static final String INPUT = "helm-output.yaml";

    private final Kustomizer kustomizer = new Kustomizer();

    /** The post-rendered manifest of {@code release} (empty when the chart renders no objects). */
    String render(String manifest, HelmRelease release) {
        if (manifest.isBlank()) {
            return "";
        }
        List<KustomizePostRenderer> kustomizations = new ArrayList<>();
        if (release.getSpec().getPostRenderers() != null) {
            for (PostRenderer renderer : release.getSpec().getPostRenderers()) {
                if (renderer.getKustomize() != null) {
                    kustomizations.add(renderer.getKustomize());
                }
            }
        }
        List<Map<String, Object>> objects = null;
        String text = manifest;
        for (KustomizePostRenderer kustomize : kustomizations) {
            objects = kustomize(text, kustomize);
            text = YamlWriter.writeAll(objects);
        }
        if (objects == null) {
            objects = kustomize(text, new KustomizePostRenderer()); // reads the objects as Kustomize reads them
        }
        ObjectMetadata common = release.getSpec().getCommonMetadata();
        Map<String, String> labels = new LinkedHashMap<>();
        if (common != null && common.getLabels() != null) {
            labels.putAll(common.getLabels());
        }
        labels.put(NAME_LABEL, release.getMetadata().getName());
        labels.put(NAMESPACE_LABEL, release.getMetadata().getNamespace());
        for (Map<String, Object> object : objects) {
            setMetadata(object, "labels", labels);
            if (common != null && common.getAnnotations() != null && !common.getAnnotations().isEmpty()) {
                setMetadata(object, "annotations", common.getAnnotations());
            }
        }
        return YamlWriter.writeAll(objects);
    }

    /** {@code sha256:} of {@code spec.postRenderers} as JSON (Flux's observedPostRenderersDigest); null without any. */
    static String postRenderersDigest(HelmRelease release) {
        return release.getSpec().getPostRenderers() == null ? null : digest(release.getSpec().getPostRenderers());
    }

    /** {@code sha256:} of {@code spec.commonMetadata} as JSON (Flux's observedCommonMetadataDigest); null without it. */
    static String commonMetadataDigest(HelmRelease release) {
        return release.getSpec().getCommonMetadata() == null ? null : digest(release.getSpec().getCommonMetadata());
    }

    private List<Map<String, Object>> kustomize(String manifest, KustomizePostRenderer kustomize) {
        Path dir;
        try {
            dir = Files.createTempDirectory("sluice-post-render-");
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "cannot create a folder to post-render in: " + e.getMessage(), e);
        }
        try {
            Files.writeString(dir.resolve(INPUT), manifest, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("kustomization.yaml"), YamlWriter.write(kustomization(kustomize)), StandardCharsets.UTF_8);
            return kustomizer.build(dir);
        } catch (KustomizeException e) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "error while running post render on files: "
                    + e.getMessage().replace(dir + "/", ""), e);
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "cannot post-render: " + e.getMessage(), e);
        } finally {
            UnpackedArtifact.deleteTree(dir);
        }
    }

    /** The kustomization Flux writes for one post-renderer: the manifest as the only resource, its patches and images. */
    private static Map<String, Object> kustomization(KustomizePostRenderer kustomize) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        file.put("kind", "Kustomization");
        file.put("resources", List.of(INPUT));
        // Flux's krusty options leave the resources in the order they came (no legacy kind sort)
        file.put("sortOptions", Map.of("order", "fifo"));
        if (kustomize.getPatches() != null && !kustomize.getPatches().isEmpty()) {
            List<Object> patches = new ArrayList<>();
            for (Patch patch : kustomize.getPatches()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("patch", patch.getPatch());
                if (patch.getTarget() != null) {
                    entry.put("target", KustomizationOverrides.target(patch.getTarget()));
                }
                patches.add(entry);
            }
            file.put("patches", patches);
        }
        if (kustomize.getImages() != null && !kustomize.getImages().isEmpty()) {
            List<Object> images = new ArrayList<>();
            for (Image image : kustomize.getImages()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                putIfSet(entry, "name", image.getName());
                putIfSet(entry, "newName", image.getNewName());
                putIfSet(entry, "newTag", image.getNewTag());
                putIfSet(entry, "digest", image.getDigest());
                images.add(entry);
            }
            file.put("images", images);
        }
        return file;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void setMetadata(Map<String, Object> object, String field, Map<String, String> add) {
        Map<String, Object> metadata = (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        Map<String, Object> target = metadata.get(field) instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        target.putAll(add);
        metadata.put(field, target);
    }

    private static String digest(Object value) {
        try {
            byte[] json = (HelmJson.MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest " + value, e);
        }
    }
}
