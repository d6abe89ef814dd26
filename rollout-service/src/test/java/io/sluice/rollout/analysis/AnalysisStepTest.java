package io.sluice.rollout.analysis;

import io.sluice.api.events.Severity;
import io.sluice.api.flagger.Canary;
import io.sluice.rollout.analysis.CheckResult.NoValues;
import io.sluice.rollout.analysis.CheckResult.OutOfRange;
import io.sluice.rollout.analysis.CheckResult.Passed;
import io.sluice.rollout.analysis.RolloutAction.Announce;
import io.sluice.rollout.analysis.RolloutAction.InitializePrimary;
import io.sluice.rollout.analysis.RolloutAction.PromoteToPrimary;
import io.sluice.rollout.analysis.RolloutAction.RouteTraffic;
import io.sluice.rollout.analysis.RolloutAction.ScaleCanaryToZero;
import io.sluice.rollout.analysis.RolloutAction.ScaleCanaryUp;
import io.sluice.rollout.testing.Canaries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis walked tick by tick, as the reconciler drives it once per interval. */
class AnalysisStepTest {

    private static final String CANARY = "podinfo.test";
    private static final List<CheckResult> PASSING = List.of(new Passed("request-success-rate", 100));
    private static final List<CheckResult> FAILING = List.of(new OutOfRange("request-success-rate", 91, "request-success-rate 91 < 99"));

    private final AnalysisPlan plan = AnalysisPlan.of(Canaries.podinfo().getSpec());
    private Instant now = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void aNewRevisionIsStepped10To50ThenPromotedAndFinalised() {
        RolloutState state = initialized("rev1");

        Decision detected = tick(state, ready("rev2"), List.of());
        assertThat(detected.next().phase()).isEqualTo(CanaryPhase.PROGRESSING);
        assertThat(detected.next().lastAppliedSpec()).isEqualTo("rev2");
        assertThat(detected.next().promoted().status()).isEqualTo("Unknown");
        assertThat(detected.actions()).first().isEqualTo(new ScaleCanaryUp());
        state = detected.next();

        List<Integer> weights = new ArrayList<>();
        while (state.phase() == CanaryPhase.PROGRESSING) {
            assertThat(AnalysisStep.checksNeeded(plan, state, ready("rev2"))).isEqualTo(state.canaryWeight() > 0);
            Decision step = tick(state, ready("rev2"), PASSING);
            step.actions().stream().filter(RouteTraffic.class::isInstance).map(RouteTraffic.class::cast).forEach(route -> {
                assertThat(route.primaryWeight() + route.canaryWeight()).isEqualTo(100);
                weights.add(route.canaryWeight());
            });
            state = step.next();
        }
        assertThat(weights).containsExactly(10, 20, 30, 40, 50);
        assertThat(state.phase()).isEqualTo(CanaryPhase.PROMOTING);
        assertThat(state.canaryWeight()).isEqualTo(50);

        // The primary is still rolling the promoted template out: the canary keeps its traffic (flagger#1202).
        Decision waiting = tick(state, new Observation(true, "rev2", true, false), List.of());
        assertThat(waiting.next()).isEqualTo(state);
        assertThat(waiting.actions()).isEmpty();

        Decision finalising = tick(state, ready("rev2"), List.of());
        assertThat(finalising.next().phase()).isEqualTo(CanaryPhase.FINALISING);
        assertThat(finalising.actions()).first().isEqualTo(new RouteTraffic(100, 0));

        Decision succeeded = tick(finalising.next(), ready("rev2"), List.of());
        assertThat(succeeded.next().phase()).isEqualTo(CanaryPhase.SUCCEEDED);
        assertThat(succeeded.next().lastPromotedSpec()).isEqualTo("rev2");
        assertThat(succeeded.next().canaryWeight()).isZero();
        assertThat(succeeded.next().promoted()).isEqualTo(Promoted.holds("Succeeded", "Canary analysis completed successfully, promotion finished."));
        assertThat(succeeded.actions()).first().isEqualTo(new ScaleCanaryToZero());

        assertThat(tick(succeeded.next(), ready("rev2"), List.of()).actions()).as("nothing new, nothing to do").isEmpty();
    }

    @Test
    void failedChecksReachingTheThresholdRollBack() {
        RolloutState state = progressingAt(20, "rev2");

        Decision halted = tick(state, ready("rev2"), FAILING);
        assertThat(halted.next().failedChecks()).isEqualTo(1);
        assertThat(halted.next().canaryWeight()).as("advancement halted").isEqualTo(20);
        assertThat(halted.actions()).containsExactly(new Announce(Severity.ERROR, "Synced", "Halt podinfo.test advancement: request-success-rate 91 < 99"));

        Decision rolledBack = tick(halted.next(), ready("rev2"), FAILING);
        assertThat(rolledBack.next().phase()).isEqualTo(CanaryPhase.FAILED);
        assertThat(rolledBack.next().failedChecks()).isEqualTo(2);
        assertThat(rolledBack.next().canaryWeight()).isZero();
        assertThat(rolledBack.next().promoted().status()).isEqualTo("False");
        assertThat(rolledBack.next().promoted().message()).contains("request-success-rate 91 < 99");
        assertThat(rolledBack.actions()).startsWith(new RouteTraffic(100, 0), new ScaleCanaryToZero());
        assertThat(rolledBack.actions().get(2)).isEqualTo(new Announce(Severity.ERROR, "Synced", "Rolling back podinfo.test: request-success-rate 91 < 99"));

        assertThat(tick(rolledBack.next(), ready("rev2"), List.of()).actions()).as("the same revision is not tried again").isEmpty();
        assertThat(tick(rolledBack.next(), ready("rev3"), List.of()).next().phase()).as("a new revision is").isEqualTo(CanaryPhase.PROGRESSING);
    }

    @Test
    void noValuesIsAFailedCheck() {
        Decision halted = tick(progressingAt(10, "rev2"), ready("rev2"),
                List.of(new NoValues("request-success-rate", "no values for request-success-rate: the canary receives no traffic")));

        assertThat(halted.next().failedChecks()).isEqualTo(1);
        assertThat(((Announce) halted.actions().get(0)).message()).contains("the canary receives no traffic");
    }

    @Test
    void aNewRevisionMidAnalysisRestartsTheAnalysisOnIt() {
        RolloutState state = progressingAt(30, "rev2").withFailedChecks(1);

        Decision restarted = tick(state, ready("rev3"), PASSING);

        assertThat(restarted.next().phase()).isEqualTo(CanaryPhase.PROGRESSING);
        assertThat(restarted.next().lastAppliedSpec()).isEqualTo("rev3");
        assertThat(restarted.next().canaryWeight()).isZero();
        assertThat(restarted.next().failedChecks()).isZero();
        assertThat(restarted.actions()).startsWith(new RouteTraffic(100, 0), new ScaleCanaryUp());
    }

    @Test
    void aCanaryNotReadyByTheProgressDeadlineRollsBack() {
        RolloutState state = progressingAt(0, "rev2");
        Observation notReady = new Observation(true, "rev2", false, true);

        assertThat(tick(state, notReady, List.of()).next()).as("waits within the deadline").isEqualTo(state);
        now = now.plus(Duration.ofSeconds(600));
        Decision failed = tick(state, notReady, List.of());
        assertThat(failed.next().phase()).isEqualTo(CanaryPhase.FAILED);
        assertThat(failed.next().promoted().message()).contains("not ready within progressDeadlineSeconds (600s)");
    }

    @Test
    void blueGreenPromotesAfterItsIterations() {
        Canary canary = Canaries.podinfo();
        canary.getSpec().getAnalysis().setStepWeight(null);
        canary.getSpec().getAnalysis().setMaxWeight(null);
        canary.getSpec().getAnalysis().setIterations(3);
        AnalysisPlan blueGreen = AnalysisPlan.of(canary.getSpec());
        RolloutState state = progressingAt(0, "rev2");

        for (int passed = 1; passed <= 2; passed++) {
            assertThat(AnalysisStep.checksNeeded(blueGreen, state, ready("rev2"))).isTrue();
            Decision step = AnalysisStep.decide(CANARY, blueGreen, state, ready("rev2"), PASSING, now);
            assertThat(step.actions()).noneMatch(RouteTraffic.class::isInstance);
            state = step.next();
            assertThat(state.iterations()).isEqualTo(passed);
        }
        Decision promoted = AnalysisStep.decide(CANARY, blueGreen, state, ready("rev2"), PASSING, now);
        assertThat(promoted.next().phase()).isEqualTo(CanaryPhase.PROMOTING);
        assertThat(promoted.actions()).first().isEqualTo(new PromoteToPrimary());
    }

    @Test
    void aNewCanaryCreatesThePrimaryThenWaitsForIt() {
        Decision created = tick(RolloutState.initial(), ready("rev1"), List.of());
        assertThat(created.next().phase()).isEqualTo(CanaryPhase.INITIALIZING);
        assertThat(created.actions()).containsExactly(new InitializePrimary(), new RouteTraffic(100, 0));

        Decision waiting = tick(created.next(), new Observation(true, "rev1", true, false), List.of());
        assertThat(waiting.next().phase()).isEqualTo(CanaryPhase.INITIALIZING);

        Decision initialized = tick(created.next(), ready("rev1"), List.of());
        assertThat(initialized.next().phase()).isEqualTo(CanaryPhase.INITIALIZED);
        assertThat(initialized.next().lastAppliedSpec()).isEqualTo("rev1");
        assertThat(initialized.next().lastPromotedSpec()).isEqualTo("rev1");
        assertThat(initialized.actions()).first().isEqualTo(new ScaleCanaryToZero());
    }

    @Test
    void aMissingTargetIsReportedOnceAndChangesNothingElse() {
        Decision reported = tick(RolloutState.initial(), Observation.targetMissing(), List.of());

        assertThat(reported.next().promoted()).isEqualTo(Promoted.not("TargetNotFound", "Target Deployment of podinfo.test not found (spec.targetRef)"));
        assertThat(reported.actions()).singleElement().isInstanceOf(Announce.class);
        assertThat(reported.actions()).noneMatch(action -> action instanceof InitializePrimary);

        assertThat(tick(reported.next(), Observation.targetMissing(), List.of()).actions()).isEmpty();
    }

    @Test
    void aProblemClearsOnceTheTickGetsPastIt() {
        RolloutState state = progressingAt(20, "rev2").withCondition(Promoted.not("ApplyFailed", "Kubernetes API refused a change"));

        Decision next = tick(state, ready("rev2"), PASSING);

        assertThat(next.next().canaryWeight()).isEqualTo(30);
        assertThat(next.next().promoted().status()).isEqualTo("Unknown");
        assertThat(next.next().promoted().reason()).isEqualTo("Progressing");
    }

    @Test
    void aSuspendedCanaryIsLeftAlone() {
        Canary canary = Canaries.podinfo();
        canary.getSpec().setSuspend(true);
        RolloutState state = progressingAt(20, "rev2");

        Decision decision = AnalysisStep.decide(CANARY, AnalysisPlan.of(canary.getSpec()), state, ready("rev2"), FAILING, now);

        assertThat(decision.next()).isEqualTo(state);
        assertThat(decision.actions()).isEmpty();
    }

    @Test
    void skipAnalysisPromotesWithoutChecks() {
        Canary canary = Canaries.podinfo();
        canary.getSpec().setSkipAnalysis(true);
        AnalysisPlan skipping = AnalysisPlan.of(canary.getSpec());
        RolloutState state = progressingAt(0, "rev2");

        assertThat(AnalysisStep.checksNeeded(skipping, state, ready("rev2"))).isFalse();
        assertThat(AnalysisStep.decide(CANARY, skipping, state, ready("rev2"), List.of(), now).next().phase())
                .isEqualTo(CanaryPhase.PROMOTING);
    }

    private Decision tick(RolloutState state, Observation observed, List<CheckResult> checks) {
        return AnalysisStep.decide(CANARY, plan, state, observed, checks, now);
    }

    private static Observation ready(String revision) {
        return new Observation(true, revision, true, true);
    }

    private RolloutState initialized(String revision) {
        return new RolloutState(CanaryPhase.INITIALIZED, 0, 0, 0, revision, revision, now,
                Promoted.holds("Initialized", "Deployment initialization completed."));
    }

    private RolloutState progressingAt(int weight, String revision) {
        return new RolloutState(CanaryPhase.PROGRESSING, weight, 0, 0, revision, "rev1", now,
                Promoted.pending("Progressing", "New revision detected, progressing canary analysis."));
    }
}
