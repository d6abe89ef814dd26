package io.sluice.rollout.prometheus;

/** What an instant query returned, reduced to what a check needs: one value, or none. */
public sealed interface QueryResult {

    /** The first sample's value (a scalar, or the first element of a vector). */
    record Value(double value) implements QueryResult {
    }

    /** An empty vector, or NaN (0/0: a rate over a window with no requests). */
    record NoValues() implements QueryResult {
    }
}
