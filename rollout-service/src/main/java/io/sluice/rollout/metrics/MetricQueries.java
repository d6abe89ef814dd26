package io.sluice.rollout.metrics;

import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.CanaryMetric;
import io.sluice.api.flagger.MetricTemplate;
import io.sluice.api.flagger.MetricTemplateProvider;
import io.sluice.api.meta.ObjectKey;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a Canary's metric into the query to run: a built-in metric's query against the Canary's
 * {@code spec.metricsServer} or the service's Prometheus, or a MetricTemplate's query against its provider's address.
 */
public final class MetricQueries {

    /** Flagger's window for a metric without {@code interval}. */
    static final String DEFAULT_INTERVAL = "1m";

    private final URI defaultAddress;
    private final Function<ObjectKey, Optional<MetricTemplate>> templates;

    /**
     * @param defaultAddress the Prometheus for built-in metrics when the Canary names none
     * @param templates      looks MetricTemplates up by {@code MetricTemplate/<namespace>/<name>}
     */
    public MetricQueries(URI defaultAddress, Function<ObjectKey, Optional<MetricTemplate>> templates) {
        this.defaultAddress = defaultAddress;
        this.templates = templates;
    }

    public MetricQuery resolve(Canary canary, CanaryMetric metric) throws MetricCheckException {
        TemplateModel model = model(canary, metric);
        if (metric.getTemplateRef() != null) {
            MetricTemplate template = template(canary, metric);
            return new MetricQuery(metric.getName(), address(template), QueryTemplate.render(template.getSpec().getQuery(), model));
        }
        Optional<BuiltinMetric> builtin = BuiltinMetric.named(metric.getName());
        if (builtin.isEmpty()) {
            throw new MetricCheckException(MetricCheckException.UNKNOWN_METRIC, "metric " + metric.getName()
                    + " is not built in (request-success-rate, request-duration) and has no templateRef");
        }
        String server = canary.getSpec().getMetricsServer();
        URI address = server == null || server.isBlank() ? defaultAddress : URI.create(server);
        return new MetricQuery(metric.getName(), address, QueryTemplate.render(builtin.get().query(), model));
    }

    private MetricTemplate template(Canary canary, CanaryMetric metric) throws MetricCheckException {
        String namespace = metric.getTemplateRef().getNamespace() == null
                ? canary.getMetadata().getNamespace() : metric.getTemplateRef().getNamespace();
        ObjectKey key = ObjectKey.of(MetricTemplate.KIND, namespace, metric.getTemplateRef().getName());
        MetricTemplate template = templates.apply(key).orElseThrow(() -> new MetricCheckException(
                MetricCheckException.TEMPLATE_NOT_FOUND, "metric " + metric.getName() + ": MetricTemplate "
                + namespace + "/" + metric.getTemplateRef().getName() + " not found"));
        MetricTemplateProvider provider = template.getSpec() == null ? null : template.getSpec().getProvider();
        if (provider == null || !"prometheus".equals(provider.getType())) {
            throw new MetricCheckException(MetricCheckException.UNSUPPORTED_TEMPLATE, "metric " + metric.getName() + ": MetricTemplate "
                    + key + " has provider type " + (provider == null ? "(none)" : provider.getType()) + "; Sluice queries prometheus");
        }
        if (template.getSpec().getQuery() == null || template.getSpec().getQuery().isBlank()) {
            throw new MetricCheckException(MetricCheckException.UNSUPPORTED_TEMPLATE, "metric " + metric.getName() + ": MetricTemplate "
                    + key + " has no spec.query");
        }
        return template;
    }

    private URI address(MetricTemplate template) {
        String address = template.getSpec().getProvider().getAddress();
        return address == null || address.isBlank() ? defaultAddress : URI.create(address);
    }

    private static TemplateModel model(Canary canary, CanaryMetric metric) {
        String target = canary.getSpec().getTargetRef().getName();
        String service = canary.getSpec().getService() == null || canary.getSpec().getService().getName() == null
                ? target : canary.getSpec().getService().getName();
        String interval = metric.getInterval() == null ? DEFAULT_INTERVAL : metric.getInterval();
        return new TemplateModel(canary.getMetadata().getName(), canary.getMetadata().getNamespace(), target, service, null,
                interval, metric.getTemplateVariables());
    }
}
