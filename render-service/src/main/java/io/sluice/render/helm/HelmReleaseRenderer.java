package io.sluice.render.helm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseNames;
import io.sluice.api.helm.HelmRendering;
import io.sluice.api.helm.HelmRendering.CrdFile;
import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.substitute.VariableSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a HelmRelease from its unpacked chart artifact, as helm-controller renders before it releases, in steps:
 * <ol>
 *   <li>the values: {@code spec.valuesFrom} then {@code spec.values} ({@link ReleaseValues});</li>
 *   <li>the chart: found in the artifact and read as Helm stores it ({@link ChartLoader});</li>
 *   <li>Helm's engine renders a working copy in which hooks are masked ({@link ChartWorkspace},
 *       {@link HelmTemplateEngine}), and the output is sorted into manifest, hooks and CRDs ({@link RenderedChart});</li>
 *   <li>the manifest goes through Flux's post-render chain ({@link FluxPostRenderer});</li>
 *   <li>all of it becomes the {@link HelmRendering} apply-service releases.</li>
 * </ol>
 * Every failure is a {@link HelmRenderException} whose kind decides the condition's reason. Stateless: one instance
 * may render in parallel.
 */
public final class HelmReleaseRenderer {

    private final ArtifactLimits limits;
    private final FluxPostRenderer postRenderer = new FluxPostRenderer();

    public HelmReleaseRenderer(ArtifactLimits limits) {
        this.limits = limits;
    }

    /**
     * @param artifactRoot the unpacked chart artifact (a packaged chart unpacks to {@code <name>/Chart.yaml})
     * @param what         the artifact in messages: "artifact of HelmChart flux-system/default-podinfo at 6.5.4"
     * @param sources      the ConfigMaps and Secrets {@code spec.valuesFrom} names
     */
    public HelmRendering render(HelmRelease release, Path artifactRoot, String what, VariableSource sources) {
        Map<String, Object> values = ReleaseValues.compose(release, sources);
        Path chartDir = ChartLoader.chartDir(artifactRoot, what);
        LoadedChart chart = ChartLoader.load(chartDir, what);
        String name = HelmReleaseNames.releaseName(release);
        String namespace = HelmReleaseNames.releaseNamespace(release);
        RenderedChart rendered;
        String manifest;
        try {
            rendered = template(chartDir, name, namespace, values);
            manifest = postRenderer.render(rendered.manifestText(), release);
        } catch (HelmRenderException e) {
            throw e.kind() == HelmRenderException.Kind.CHART ? e.forChart(chart.name() + "@" + chart.version()) : e;
        }

        ObjectNode json = HelmJson.object();
        json.put("name", name);
        json.put("namespace", namespace);
        json.set("chart", chart.json());
        if (!values.isEmpty()) {
            json.set("config", HelmJson.tree(values));
        }
        if (!manifest.isEmpty()) {
            json.put("manifest", manifest);
        }
        if (!rendered.hooks().isEmpty()) {
            ArrayNode hooks = json.putArray("hooks");
            rendered.hooks().forEach(hook -> hooks.add(hook.toJson()));
        }
        return new HelmRendering(name, namespace, HelmReleaseNames.storageNamespace(release),
                release.getMetadata().getGeneration() == null ? 0 : release.getMetadata().getGeneration(),
                new HelmRendering.ChartVersion(chart.name(), chart.version(), chart.appVersion()),
                ReleaseValues.configDigest(values), ReleaseValues.checksum(values),
                FluxPostRenderer.postRenderersDigest(release), FluxPostRenderer.commonMetadataDigest(release),
                rendered.crds(), json);
    }

    /**
     * Renders a chart folder as {@code helm template NAME CHART -n NAMESPACE -f values} does, for comparing with the
     * helm binary; {@code includeCrds} as {@code --include-crds}.
     */
    public String templateText(Path chartDir, String name, String namespace, Map<String, Object> values, boolean includeCrds) {
        return template(chartDir, name, namespace, values).templateText(includeCrds);
    }

    private RenderedChart template(Path chartDir, String name, String namespace, Map<String, Object> values) {
        try (ChartWorkspace workspace = ChartWorkspace.of(chartDir, limits)) {
            String output = HelmTemplateEngine.render(workspace, name, namespace, values);
            return RenderedChart.of(output, crds(workspace.chart(), ChartLoader.chartName(workspace.chart())));
        }
    }

    /**
     * Helm's CRDObjects: the {@code crds/} files ({@code .yaml}, {@code .yml}, {@code .json}) of the chart, then of each
     * subchart in {@code charts/}, named by their path in the chart ({@code podinfo/charts/redis/crds/x.yaml}).
     */
    private static List<CrdFile> crds(Path chartDir, String fullPath) {
        List<CrdFile> crds = new ArrayList<>();
        try {
            Path crdDir = chartDir.resolve("crds");
            if (Files.isDirectory(crdDir)) {
                collectCrds(chartDir, crdDir, fullPath, crds);
            }
            Path charts = chartDir.resolve("charts");
            if (Files.isDirectory(charts)) {
                for (Path sub : ChartWorkspace.sortedEntries(charts)) {
                    if (Files.isRegularFile(sub.resolve("Chart.yaml"))) {
                        crds.addAll(crds(sub, fullPath + "/charts/" + ChartLoader.chartName(sub)));
                    }
                }
            }
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, "cannot read the chart's CRDs: " + e.getMessage(), e);
        }
        return crds;
    }

    private static void collectCrds(Path chartDir, Path dir, String fullPath, List<CrdFile> into) throws IOException {
        for (Path entry : ChartWorkspace.sortedEntries(dir)) {
            String file = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                collectCrds(chartDir, entry, fullPath, into);
            } else if (file.endsWith(".yaml") || file.endsWith(".yml") || file.endsWith(".json")) {
                String rel = chartDir.relativize(entry).toString().replace('\\', '/');
                into.add(new CrdFile(fullPath + "/" + rel, ChartWorkspace.unmask(Files.readString(entry, StandardCharsets.UTF_8))));
            }
        }
    }
}
