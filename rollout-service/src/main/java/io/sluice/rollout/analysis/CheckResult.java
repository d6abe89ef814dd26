package io.sluice.rollout.analysis;

/** The outcome of one metric check at one step of an analysis; anything but {@link Passed} is a failed check. */
public sealed interface CheckResult {

    /** The metric's name as the Canary lists it. */
    String metric();

    /** What happened, in words for status, events and alerts. */
    String message();

    default boolean passed() {
        return this instanceof Passed;
    }

    /** The value fell within thresholdRange. */
    record Passed(String metric, double value) implements CheckResult {
        @Override
        public String message() {
            return metric + " " + Values.format(value) + " within range";
        }
    }

    /** The value fell outside thresholdRange; {@code message} says which bound, e.g. "request-success-rate 91 < 99". */
    record OutOfRange(String metric, double value, String message) implements CheckResult {
    }

    /** The query returned nothing (or NaN): the canary receives no traffic, or the query selects no series. */
    record NoValues(String metric, String message) implements CheckResult {
    }

    /** The query could not be run: unknown metric, missing MetricTemplate, bad query, Prometheus unreachable. */
    record QueryFailed(String metric, String reason, String message) implements CheckResult {
    }
}
