package io.sluice.rollout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** {@code sluice.rollout.*}: where the analysis asks its metrics. */
@ConfigMapping(prefix = "sluice.rollout")
public interface RolloutConfig {

    Prometheus prometheus();

    interface Prometheus {
        /**
         * {@code sluice.rollout.prometheus.address}: the Prometheus the built-in metrics ({@code request-success-rate},
         * {@code request-duration}) are asked, Flagger's {@code -metrics-server}. A Canary's {@code spec.metricsServer}
         * and a MetricTemplate's {@code spec.provider.address} win over it.
         */
        @WithDefault("http://prometheus.monitoring:9090")
        URI address();

        /** {@code sluice.rollout.prometheus.timeout}: how long one query may take; a slower answer is a failed check. */
        @WithDefault("5s")
        Duration timeout();
    }
}
