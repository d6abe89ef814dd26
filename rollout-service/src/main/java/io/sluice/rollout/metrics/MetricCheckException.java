package io.sluice.rollout.metrics;

/** A metric that cannot be turned into a query; {@link #reason()} is the condition reason, the message says why. */
public class MetricCheckException extends Exception {

    /** The metric is neither built in nor has a templateRef. */
    public static final String UNKNOWN_METRIC = "UnknownMetric";
    /** The templateRef names a MetricTemplate that does not exist. */
    public static final String TEMPLATE_NOT_FOUND = "MetricTemplateNotFound";
    /** The MetricTemplate's provider is not Prometheus, or it has no query. */
    public static final String UNSUPPORTED_TEMPLATE = "UnsupportedMetricTemplate";
    /** The query uses a variable that does not exist, or a template it cannot read. */
    public static final String MALFORMED_QUERY = "MalformedQuery";

    private final String reason;

    public MetricCheckException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
