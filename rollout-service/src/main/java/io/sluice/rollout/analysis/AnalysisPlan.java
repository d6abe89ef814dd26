package io.sluice.rollout.analysis;

import io.sluice.api.flagger.CanaryAnalysis;
import io.sluice.api.flagger.CanarySpec;
import io.sluice.api.meta.FluxDuration;

import java.time.Duration;
import java.util.List;

/**
 * A Canary's analysis settings with Flagger's defaults applied and checked once: how often it steps, which weights
 * the canary goes through, how many failed checks it tolerates.
 *
 * @param interval         time between two steps ({@code analysis.interval}, Flagger: 60s)
 * @param threshold        failed checks that roll back ({@code analysis.threshold}, Flagger: 1 when unset)
 * @param weights          the canary weights in order, the last one the highest before promotion; empty for blue/green
 * @param iterations       checks to pass for blue/green ({@code analysis.iterations}); 0 for weighted canaries
 * @param progressDeadline how long the canary may stay not ready ({@code progressDeadlineSeconds}, Flagger: 600)
 * @param skipAnalysis     promote without checks
 * @param suspended        do nothing until cleared
 */
public record AnalysisPlan(Duration interval, int threshold, List<Integer> weights, int iterations,
                           Duration progressDeadline, boolean skipAnalysis, boolean suspended) {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofSeconds(600);
    static final int DEFAULT_MAX_WEIGHT = 100;

    public AnalysisPlan {
        weights = List.copyOf(weights);
    }

    /** Reads the plan from a Canary's spec; a setting that cannot work fails with the field's name. */
    public static AnalysisPlan of(CanarySpec spec) {
        if (spec == null || spec.getTargetRef() == null || isBlank(spec.getTargetRef().getName())) {
            throw new InvalidCanaryException("spec.targetRef.name is required: the Deployment to roll out");
        }
        String kind = spec.getTargetRef().getKind();
        if (kind != null && !kind.equals("Deployment")) {
            throw new InvalidCanaryException("spec.targetRef.kind " + kind + " is not supported; Sluice rolls out Deployments");
        }
        CanaryAnalysis analysis = spec.getAnalysis();
        if (analysis == null) {
            throw new InvalidCanaryException("spec.analysis is required: interval, threshold and stepWeight, stepWeights or iterations");
        }
        Duration interval = analysis.getInterval() == null ? DEFAULT_INTERVAL : interval(analysis.getInterval());
        if (interval.isZero() || interval.isNegative()) {
            throw new InvalidCanaryException("spec.analysis.interval must be positive, was " + analysis.getInterval());
        }
        int threshold = positiveOr(analysis.getThreshold(), 1, "spec.analysis.threshold");
        int iterations = analysis.getIterations() == null ? 0 : analysis.getIterations();
        List<Integer> weights = weights(analysis);
        if (weights.isEmpty() && iterations <= 0) {
            throw new InvalidCanaryException("spec.analysis needs stepWeight, stepWeights or iterations (blue/green)");
        }
        Duration deadline = spec.getProgressDeadlineSeconds() == null ? DEFAULT_PROGRESS_DEADLINE
                : Duration.ofSeconds(positiveOr(spec.getProgressDeadlineSeconds(), 600, "spec.progressDeadlineSeconds"));
        return new AnalysisPlan(interval, threshold, weights, weights.isEmpty() ? iterations : 0, deadline,
                Boolean.TRUE.equals(spec.getSkipAnalysis()), Boolean.TRUE.equals(spec.getSuspend()));
    }

    /** Blue/green: no traffic weights, the canary passes {@link #iterations} checks before promotion. */
    public boolean blueGreen() {
        return weights.isEmpty();
    }

    /** The highest canary weight; reaching it with passing checks promotes. */
    public int maxWeight() {
        return weights.isEmpty() ? 0 : weights.get(weights.size() - 1);
    }

    /** The weight after {@code current}: the first step above it, or {@link #maxWeight()}. */
    public int nextWeight(int current) {
        for (int weight : weights) {
            if (weight > current) {
                return weight;
            }
        }
        return maxWeight();
    }

    /**
     * stepWeights win over stepWeight (as in Flagger); stepWeight goes up to maxWeight (Flagger: 100) and the last step
     * is capped at it, so stepWeight 30 with maxWeight 50 gives 30, 50.
     */
    private static List<Integer> weights(CanaryAnalysis analysis) {
        List<Integer> steps = analysis.getStepWeights();
        if (steps != null && !steps.isEmpty()) {
            int previous = 0;
            for (int weight : steps) {
                if (weight <= previous || weight > 100) {
                    throw new InvalidCanaryException("spec.analysis.stepWeights must rise and stay within 1..100, was " + steps);
                }
                previous = weight;
            }
            return steps;
        }
        if (analysis.getStepWeight() == null) {
            return List.of();
        }
        int step = positiveOr(analysis.getStepWeight(), 0, "spec.analysis.stepWeight");
        int max = positiveOr(analysis.getMaxWeight(), DEFAULT_MAX_WEIGHT, "spec.analysis.maxWeight");
        if (max > 100) {
            throw new InvalidCanaryException("spec.analysis.maxWeight must be at most 100, was " + max);
        }
        java.util.ArrayList<Integer> weights = new java.util.ArrayList<>();
        for (int weight = step; weight < max; weight += step) {
            weights.add(weight);
        }
        weights.add(max);
        return weights;
    }

    private static Duration interval(String text) {
        try {
            return FluxDuration.parse(text, "spec.analysis.interval");
        } catch (IllegalArgumentException e) {
            throw new InvalidCanaryException(e.getMessage());
        }
    }

    private static int positiveOr(Integer value, int fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new InvalidCanaryException(field + " must be positive, was " + value);
        }
        return value;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
