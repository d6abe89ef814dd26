package io.sluice.render.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.helm.HelmChartTemplate;
import io.sluice.api.helm.HelmChartTemplateSpec;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseSpec;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.sandbox.cluster.SandboxCluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** HelmReleases and their chart sources (HelmChart, OCIRepository) in a sandbox cluster, as a user and source-service write them. */
public final class HelmObjects {

    /** The podinfo-like chart of the render cases: templates, hooks, a test, a values schema. */
    public static final Path PODINFO = Path.of("src/test/resources/helm-cases/podinfo/chart");

    private HelmObjects() {
    }

    /** Registers the HelmChart and OCIRepository CRDs (stand-ins while the api module has no types for them). */
    public static void registerChartSourceCrds(SandboxCluster cluster) {
        try (InputStream in = HelmObjects.class.getResourceAsStream("/crds/chart-sources.yaml")) {
            cluster.registerCustomResourceDefinitions(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a chart folder as a packaged chart holds them: {@code <name>/<path>} → text. */
    public static Map<String, String> packagedChart(Path chartDir, String name) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(chartDir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(name + "/" + chartDir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static ResourceDefinitionContext sourceType(String kind) {
        return new ResourceDefinitionContext.Builder().withGroup("source.toolkit.fluxcd.io").withVersion("v1").withKind(kind)
                .withPlural(kind.equals("HelmChart") ? "helmcharts" : "ocirepositories").withNamespaced(true).build();
    }

    /**
     * Creates a HelmChart or OCIRepository; with an artifact, writes status.artifact and Ready=True as source-service
     * does, else Ready=False with {@code notReadyMessage}.
     */
    public static void createChartSource(KubernetesClient client, String kind, String namespace, String name, ArtifactReady artifact,
                                         String notReadyMessage) {
        GenericKubernetesResource source = new GenericKubernetesResource();
        source.setApiVersion("source.toolkit.fluxcd.io/v1");
        source.setKind(kind);
        source.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        source.setAdditionalProperty("spec", Map.of("interval", "10m"));
        GenericKubernetesResource created = client.genericKubernetesResources(sourceType(kind)).inNamespace(namespace).resource(source).create();
        setChartArtifact(client, created, artifact, notReadyMessage);
    }

    /** Writes the status of an existing chart source: a new artifact (Ready=True), or Ready=False without one. */
    public static void setChartArtifact(KubernetesClient client, String kind, String namespace, String name, ArtifactReady artifact) {
        GenericKubernetesResource source = client.genericKubernetesResources(sourceType(kind)).inNamespace(namespace).withName(name).get();
        setChartArtifact(client, source, artifact, null);
    }

    private static void setChartArtifact(KubernetesClient client, GenericKubernetesResource source, ArtifactReady artifact,
                                         String notReadyMessage) {
        Map<String, Object> status = new LinkedHashMap<>();
        long generation = source.getMetadata().getGeneration() == null ? 1 : source.getMetadata().getGeneration();
        if (artifact != null) {
            status.put("artifact", Map.of("url", artifact.url().toString(), "revision", artifact.revision(),
                    "digest", artifact.digest().toString(), "size", artifact.size(), "path", "helmchart/x.tgz",
                    "lastUpdateTime", "2026-12-07T00:00:00Z"));
            status.put("conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "ChartPullSucceeded",
                    "message", "pulled chart at " + artifact.revision(), "observedGeneration", generation,
                    "lastTransitionTime", "2026-12-07T00:00:00Z")));
        } else {
            status.put("conditions", List.of(Map.of("type", "Ready", "status", "False", "reason", "ChartPullFailed",
                    "message", notReadyMessage, "observedGeneration", generation, "lastTransitionTime", "2026-12-07T00:00:00Z")));
        }
        source.setAdditionalProperty("status", status);
        client.genericKubernetesResources(sourceType(source.getKind())).inNamespace(source.getMetadata().getNamespace())
                .resource(source).updateStatus();
    }

    /** Creates a HelmRelease of chart {@code chart} from HelmRepository {@code repository} (spec.chart), interval 10m. */
    public static HelmRelease createHelmRelease(KubernetesClient client, String namespace, String name, String repository, String chart,
                                                Consumer<HelmReleaseSpec> customize) {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("HelmRepository");
        ref.setName(repository);
        HelmChartTemplateSpec chartSpec = new HelmChartTemplateSpec();
        chartSpec.setChart(chart);
        chartSpec.setSourceRef(ref);
        HelmChartTemplate template = new HelmChartTemplate();
        template.setSpec(chartSpec);
        HelmReleaseSpec spec = new HelmReleaseSpec();
        spec.setChart(template);
        spec.setInterval("10m");
        customize.accept(spec);
        HelmRelease release = new HelmRelease();
        release.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        release.setSpec(spec);
        return client.resources(HelmRelease.class).inNamespace(namespace).resource(release).create();
    }

    public static HelmRelease getHelmRelease(KubernetesClient client, String namespace, String name) {
        return client.resources(HelmRelease.class).inNamespace(namespace).withName(name).get();
    }

    public static HelmRelease editHelmRelease(KubernetesClient client, String namespace, String name, Consumer<HelmRelease> edit) {
        return client.resources(HelmRelease.class).inNamespace(namespace).withName(name).edit(hr -> {
            edit.accept(hr);
            return hr;
        });
    }

    /** A condition as "False ValuesError: message", or null when there is none. */
    public static String condition(KubernetesClient client, String namespace, String name, String type) {
        HelmRelease hr = getHelmRelease(client, namespace, name);
        if (hr == null || hr.getStatus() == null) {
            return null;
        }
        return Conditions.get(hr.getStatus(), type).map(c -> c.getStatus() + " " + c.getReason() + ": " + c.getMessage()).orElse(null);
    }
}
