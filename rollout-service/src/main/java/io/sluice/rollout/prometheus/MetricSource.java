package io.sluice.rollout.prometheus;

import java.net.URI;

/** Runs an instant query against the Prometheus at an address. */
public interface MetricSource {

    QueryResult query(URI address, String promql) throws PrometheusException;
}
