package io.sluice.render.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.kustomize.yaml.Values;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ChartArtifacts} from the cluster: the chart source's {@code status.artifact}, read from the API server (not a
 * cache) as helm-controller reads it, with its readiness checked first. HelmChart and OCIRepository are read as
 * generic objects of {@code source.toolkit.fluxcd.io/v1}, so this needs nothing but their CRDs.
 *
 * <p>Flux's answers: no chart named → {@code InvalidChartReference}; the source missing → {@code ArtifactFailed}
 * ("could not get Source object"); not Ready or without an artifact → {@code SourceNotReady}, looked at again after
 * the dependency requeue interval.
 */
public final class ClusterChartArtifacts implements ChartArtifacts {

    private static final String GROUP = "source.toolkit.fluxcd.io";
    private static final String VERSION = "v1";

    private final KubernetesClient client;

    public ClusterChartArtifacts(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Lookup find(HelmRelease release, Duration requeueDependency) {
        Optional<ObjectKey> source = ChartArtifacts.chartSource(release);
        String retrying = ", retrying in " + FluxDuration.format(requeueDependency);
        if (source.isEmpty()) {
            return new Unavailable(Reasons.INVALID_CHART_REFERENCE, "HelmRelease " + release.getMetadata().getNamespace() + "/"
                    + release.getMetadata().getName() + " names no chart: set spec.chart.spec (chart and sourceRef) or spec.chartRef"
                    + " (kind OCIRepository or HelmChart, and name)", requeueDependency);
        }
        ObjectKey key = source.get();
        String named = key.kind() + " '" + key.namespace() + "/" + key.name() + "'";
        String plural = switch (key.kind()) {
            case HELM_CHART -> "helmcharts";
            case OCI_REPOSITORY -> "ocirepositories";
            default -> null;
        };
        if (plural == null) {
            return new Unavailable(Reasons.INVALID_CHART_REFERENCE, "unsupported source kind '" + key.kind()
                    + "' in spec.chartRef: use OCIRepository or HelmChart", requeueDependency);
        }
        ResourceDefinitionContext type = new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION)
                .withKind(key.kind()).withPlural(plural).withNamespaced(true).build();
        GenericKubernetesResource object = client.genericKubernetesResources(type).inNamespace(key.namespace()).withName(key.name()).get();
        if (object == null) {
            return new Unavailable(Reasons.ARTIFACT_FAILED, "could not get Source object: " + named + " not found" + retrying,
                    requeueDependency);
        }
        Map<String, Object> status = Values.asMap(object.getAdditionalProperties().get("status"));
        Optional<String> notReady = notReady(status, object.getMetadata().getGeneration());
        if (notReady.isPresent()) {
            return new Unavailable(Reasons.SOURCE_NOT_READY, named + " is not ready" + notReady.get() + retrying, requeueDependency);
        }
        Map<String, Object> artifact = status == null ? null : Values.asMap(status.get("artifact"));
        if (artifact == null) {
            return new Unavailable(Reasons.SOURCE_NOT_READY, named + " has no artifact" + retrying, requeueDependency);
        }
        try {
            return new Found(SourceArtifacts.toArtifactReady(key, artifact(artifact)));
        } catch (IllegalArgumentException e) {
            return new Unavailable(Reasons.ARTIFACT_FAILED, named + " has an unusable status.artifact (" + e.getMessage() + ")" + retrying,
                    requeueDependency);
        }
    }

    /**
     * Empty when the source is ready for its generation, or has no Ready condition at all (source-service writes one
     * with the artifact); else ": <its Ready message>", or "" when it has none.
     */
    private static Optional<String> notReady(Map<String, Object> status, Long generation) {
        if (status == null || !(status.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        for (Object item : conditions) {
            Map<String, Object> condition = Values.asMap(item);
            if (condition == null || !ConditionTypes.READY.equals(condition.get("type"))) {
                continue;
            }
            Object observed = condition.get("observedGeneration");
            boolean current = generation == null || observed == null || String.valueOf(generation).equals(String.valueOf(observed));
            if ("True".equals(condition.get("status")) && current) {
                return Optional.empty();
            }
            Object message = condition.get("message");
            return Optional.of(message == null || String.valueOf(message).isEmpty() ? "" : ": " + message);
        }
        return Optional.empty();
    }

    private static Artifact artifact(Map<String, Object> fields) {
        Artifact artifact = new Artifact();
        artifact.setUrl(text(fields.get("url")));
        artifact.setRevision(text(fields.get("revision")));
        artifact.setDigest(text(fields.get("digest")));
        artifact.setPath(text(fields.get("path")));
        if (fields.get("size") instanceof Number size) {
            artifact.setSize(size.longValue());
        }
        return artifact;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
