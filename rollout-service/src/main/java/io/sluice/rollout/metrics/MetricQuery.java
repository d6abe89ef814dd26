package io.sluice.rollout.metrics;

import java.net.URI;

/** A metric of a Canary turned into a query ready to run: where, and what. */
public record MetricQuery(String metric, URI address, String promql) {
}
