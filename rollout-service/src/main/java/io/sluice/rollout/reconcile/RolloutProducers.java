package io.sluice.rollout.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.flagger.MetricTemplate;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.rollout.config.RolloutConfig;
import io.sluice.rollout.metrics.MetricChecks;
import io.sluice.rollout.metrics.MetricQueries;
import io.sluice.rollout.prometheus.PrometheusClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.util.Optional;

/** Builds the plain-Java pieces of the analysis from the service's configuration, once. */
@ApplicationScoped
class RolloutProducers {

    @Produces
    @ApplicationScoped
    CanaryReconciler canaryReconciler(KubernetesClient client, RolloutConfig config, EventPublisher events, ServiceConfig service) {
        // MetricTemplates are read when a check needs them: a template edited mid-analysis counts from the next tick.
        MetricQueries queries = new MetricQueries(config.prometheus().address(), key -> Optional.ofNullable(
                client.resources(MetricTemplate.class).inNamespace(key.namespace()).withName(key.name()).get()));
        MetricChecks checks = new MetricChecks(queries, new PrometheusClient(config.prometheus().timeout()));
        return new CanaryReconciler(client, checks, events, Clock.systemUTC(), service.name());
    }
}
