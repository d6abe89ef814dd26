package io.sluice.cli.e2e;

import static io.sluice.cli.e2e.ImageRepositoryFiles.NAME;
import static io.sluice.cli.e2e.ImageRepositoryFiles.NAMESPACE;

import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.meta.ObjectKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Registry webhook to Deployment updated, through the real loop ({@link ImageLoop}: six services as processes, the
 * sandbox, a real registry): {@code bench.imagePushes} (50) image pushes, one after the other. For each: the image is
 * pushed (not timed), Harbor's webhook is sent, and the benchmark polls the sandbox's Deployment every 10 ms until it
 * runs the new tag. Prints p50/p90/p99/max of that and of its legs, and writes them to
 * {@code cli/target/bench/image-push-latency.txt}. Runs only under the {@code bench} profile:
 * {@code ./mvnw -o -pl cli verify -Pbench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImagePushLatencyBenchmark}.
 *
 * <p>Legs (CloudEvents {@code ce_time} of each hop, set by the producing service):
 * <pre>
 *   scan+policy   ImagePushed.receivedAt (gateway) → ImagePolicyChanged   hand-off, tags/list, policy, status
 *   automation    ImagePolicyChanged → ArtifactReady of the new commit      hand-off, fetch, commit, push, source fetch
 *   render+apply  ArtifactReady → ApplyCompleted                            render-service, apply-service
 * </pre>
 */
class ImagePushLatencyBenchmark {

    private static final int WARM_UP = 3;
    private static final Duration RUNNING_WITHIN = Duration.ofSeconds(30);
    private static final ObjectKey POLICY = ObjectKey.of(ImagePolicy.KIND, NAMESPACE, NAME);

    record Timeline(Instant sent, Instant running, RecordedEvent pushed, RecordedEvent policy, RecordedEvent artifact, RecordedEvent applied) {

        double total() {
            return seconds(sent, running);
        }

        double scanAndPolicy() {
            return seconds(pushed.as(ImagePushed.class).receivedAt(), policy.time());
        }

        double automation() {
            return seconds(policy.time(), artifact.time());
        }

        double renderAndApply() {
            return seconds(artifact.time(), applied.time());
        }

        private static double seconds(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e9;
        }
    }

    @Test
    void webhookToRunningDeployment() throws Exception {
        int pushes = Integer.getInteger("bench.imagePushes", 50);
        List<Timeline> timelines = new ArrayList<>();
        try (ImageLoop loop = ImageLoop.start(WorkDirs.create(ImagePushLatencyBenchmark.class))) {
            for (int i = 1; i <= WARM_UP + pushes; i++) {
                Timeline timeline = push(loop, "1.1." + i);
                if (i > WARM_UP) {
                    timelines.add(timeline);
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format("Registry webhook → Deployment updated (sandbox), %d pushes after %d warm-up%n",
                pushes, WARM_UP));
        report.append(String.format("%-52s %8s %8s %8s %8s%n", "seconds", "p50", "p90", "p99", "max"));
        row(report, timelines, "webhook sent → Deployment runs the new image", Timeline::total);
        row(report, timelines, "  scan + policy (ImagePushed → ImagePolicyChanged)", Timeline::scanAndPolicy);
        row(report, timelines, "  automation (→ ArtifactReady of its commit)", Timeline::automation);
        row(report, timelines, "  render + apply (→ ApplyCompleted)", Timeline::renderAndApply);
        System.out.print(report);
        Path out = Path.of("target", "bench", "image-push-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static Timeline push(ImageLoop loop, String tag) throws Exception {
        String digest = loop.pushImage(tag);
        String image = loop.registryHost() + "/team/app:" + tag;
        Instant sent = loop.callWebhook(tag, digest);
        long deadline = System.nanoTime() + RUNNING_WITHIN.toNanos();
        while (!loop.runningImage().equals(image)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the Deployment did not run " + image + " within " + RUNNING_WITHIN.toSeconds() + " s: " + loop.runningImage()
                        + loop.pipeline().logTails(20));
            }
            Thread.sleep(10);
        }
        Instant running = Instant.now();
        String revision = "main@sha1:" + loop.tip().name();
        RecordedEvent pushed = loop.events().await(ImagePushed.class, e -> tag.equals(e.tag()), RUNNING_WITHIN, "for " + tag);
        RecordedEvent policy = loop.events().await(ImagePolicyChanged.class, e -> e.policy().equals(POLICY) && e.latest().equals(image),
                RUNNING_WITHIN, "for " + image);
        RecordedEvent artifact = loop.events().await(ArtifactReady.class, e -> e.revision().equals(revision), RUNNING_WITHIN, "for " + revision);
        RecordedEvent applied = loop.events().await(ApplyCompleted.class, e -> e.revision().equals(revision), RUNNING_WITHIN, "for " + revision);
        return new Timeline(sent, running, pushed, policy, artifact, applied);
    }

    private static void row(StringBuilder report, List<Timeline> timelines, String leg, ToDoubleFunction<Timeline> value) {
        double[] values = timelines.stream().mapToDouble(value).sorted().toArray();
        report.append(String.format("%-52s %8.3f %8.3f %8.3f %8.3f%n", leg, PushLatencyBenchmark.percentile(values, 50),
                PushLatencyBenchmark.percentile(values, 90), PushLatencyBenchmark.percentile(values, 99), values[values.length - 1]));
    }
}
