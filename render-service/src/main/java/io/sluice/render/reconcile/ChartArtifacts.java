package io.sluice.render.reconcile;

import io.sluice.api.events.ArtifactReady;
import io.sluice.api.helm.HelmChartTemplate;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseNames;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a HelmRelease's chart comes from, and its current artifact. The chart source is, as in helm-controller,
 * {@code spec.chartRef} (an OCIRepository or HelmChart, its namespace defaulting to the HelmRelease's), or for
 * {@code spec.chart} the HelmChart Flux makes for it: {@code <namespace>-<name>} in the namespace of
 * {@code spec.chart.spec.sourceRef}. The artifact is a packaged chart ({@code .tgz}, unpacked like any artifact).
 *
 * <p>An interface so the lookup can change with the sources (source-service's HelmChart and OCIRepository) without
 * the handler changing; {@link ClusterChartArtifacts} reads the source's {@code status.artifact} from the cluster.
 */
public interface ChartArtifacts {

    String HELM_CHART = "HelmChart";
    String OCI_REPOSITORY = "OCIRepository";

    /** What the cluster says about a HelmRelease's chart. */
    sealed interface Lookup {
    }

    /** The chart source's current artifact, as an {@code ArtifactReady} without a push time. */
    record Found(ArtifactReady artifact) implements Lookup {
    }

    /** No chart to render yet: Ready=False with Flux's {@code reason} and {@code message}; look again after {@code retryAfter}. */
    record Unavailable(String reason, String message, Duration retryAfter) implements Lookup {
    }

    /**
     * @param requeueDependency how long to wait for a chart source that is not ready (Flux's {@code --requeue-dependency})
     */
    Lookup find(HelmRelease release, Duration requeueDependency);

    /** The chart source of a HelmRelease, or empty when it names none (neither chart nor chartRef). */
    static Optional<ObjectKey> chartSource(HelmRelease release) {
        String namespace = release.getMetadata().getNamespace();
        if (release.getSpec() == null) {
            return Optional.empty();
        }
        CrossNamespaceSourceReference ref = release.getSpec().getChartRef();
        if (ref != null && ref.getName() != null && !ref.getName().isBlank()) {
            if (ref.getKind() == null || ref.getKind().isBlank()) {
                return Optional.empty();
            }
            String refNamespace = ref.getNamespace() == null || ref.getNamespace().isBlank() ? namespace : ref.getNamespace();
            return Optional.of(ObjectKey.of(ref.getKind(), refNamespace, ref.getName()));
        }
        HelmChartTemplate chart = release.getSpec().getChart();
        if (chart != null && chart.getSpec() != null) {
            CrossNamespaceSourceReference sourceRef = chart.getSpec().getSourceRef();
            String chartNamespace = sourceRef == null || sourceRef.getNamespace() == null || sourceRef.getNamespace().isBlank()
                    ? namespace : sourceRef.getNamespace();
            return Optional.of(ObjectKey.of(HELM_CHART, chartNamespace, HelmReleaseNames.helmChartName(release)));
        }
        return Optional.empty();
    }

    /** Whether the HelmRelease's chart comes from this source object. */
    static boolean refersTo(HelmRelease release, ObjectKey source) {
        return chartSource(release).map(source::equals).orElse(false);
    }
}
