package io.sluice.source.reconcile;

import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmChartSpec;
import io.sluice.api.source.HelmRepository;

import java.time.Duration;
import java.util.List;

/**
 * What source-service reads from a HelmChart's spec, defaulted as Flux does: {@code chart} (required),
 * {@code version} (a SemVer range; missing: {@code *}, the newest stable version), {@code sourceRef} (kind and name, in
 * the HelmChart's namespace), {@code interval}, {@code valuesFiles}; with the generation they were read at.
 */
public record HelmChartSettings(ObjectKey key, long generation, String chart, String version, String sourceKind, String sourceName,
                                List<String> valuesFiles, Duration interval) {

    public HelmChartSettings {
        valuesFiles = valuesFiles == null ? List.of() : List.copyOf(valuesFiles);
    }

    static boolean suspended(HelmChart chart) {
        return chart.getSpec() != null && Boolean.TRUE.equals(chart.getSpec().getSuspend());
    }

    /**
     * Reads the spec.
     *
     * @throws InvalidSpecException naming the field: no chart, no source, a source kind that is not HelmRepository,
     *                              GitRepository or Bucket, a duration that cannot be read
     */
    static HelmChartSettings of(HelmChart chart, Duration defaultInterval) {
        ObjectKey key = SourceWatchers.key(chart);
        HelmChartSpec spec = chart.getSpec() == null ? new HelmChartSpec() : chart.getSpec();
        long generation = chart.getMetadata().getGeneration() == null ? 0 : chart.getMetadata().getGeneration();
        String name = spec.getChart() == null ? "" : spec.getChart().trim();
        if (name.isEmpty()) {
            throw new InvalidSpecException("spec.chart of HelmChart " + key.namespace() + "/" + key.name()
                    + " is empty; set it to the chart's name (HelmRepository) or its folder (GitRepository)");
        }
        if (spec.getSourceRef() == null || spec.getSourceRef().getName() == null || spec.getSourceRef().getName().isBlank()) {
            throw new InvalidSpecException("spec.sourceRef.name of HelmChart " + key.namespace() + "/" + key.name()
                    + " is empty; name the HelmRepository or GitRepository the chart comes from");
        }
        String kind = spec.getSourceRef().getKind() == null ? "" : spec.getSourceRef().getKind();
        if (!kind.equals(HelmRepository.KIND) && !kind.equals(GitRepository.KIND) && !kind.equals("Bucket")) {
            throw new InvalidSpecException("UnsupportedSourceKind", "failed to get source: unsupported source kind '" + kind
                    + "', must be one of: [HelmRepository GitRepository Bucket]");
        }
        String version = spec.getVersion() == null || spec.getVersion().isBlank() ? "*" : spec.getVersion().trim();
        Duration interval = InvalidSpecException.interval(spec.getInterval(), key, defaultInterval);
        return new HelmChartSettings(key, generation, name, version, kind, spec.getSourceRef().getName(), spec.getValuesFiles(), interval);
    }

    ObjectKey sourceKey() {
        return ObjectKey.of(sourceKind, key.namespace(), sourceName);
    }
}
