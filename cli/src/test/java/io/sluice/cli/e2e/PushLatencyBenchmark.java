package io.sluice.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.cli.up.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Push-to-applied latency through the real loop: {@code bench.pushes} (100) pushes, one after the other, each a
 * commit pushed to the sandbox Git server plus a signed GitHub webhook, each waited for until its ApplyCompleted is
 * on {@code sluice.apply.result}. Not a test: it runs only under the {@code bench} profile
 * ({@code ./mvnw -o -pl cli verify -Pbench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}) and prints
 * p50/p99 of push-to-applied and of each leg, and writes them to {@code cli/target/bench/push-latency.txt}.
 *
 * <p>Legs, from the CloudEvents {@code ce_time} of each hop (set by the producing service when it creates the
 * event) and {@code GitPushed.receivedAt}:
 * <pre>
 *   gateway  GitPushed.receivedAt   → GitPushed ce_time      verify, parse (webhook-gateway)
 *   source   GitPushed ce_time      → ArtifactReady ce_time  hand-off git.push + git fetch + pack (source-service)
 *   render   ArtifactReady ce_time  → ManifestsRendered      hand-off source.artifact + download + kustomize build
 *   apply    ManifestsRendered      → ApplyCompleted         hand-off render.manifests + apply (ApplyCompleted.duration)
 * </pre>
 * The hand-offs inside each leg come from the services' own histograms ({@code sluice_kafka_handoff_seconds},
 * {@code sluice_stage_duration_seconds}, {@code sluice_push_to_applied_seconds}) when they serve them, diffed
 * between a scrape before and after the run; and, as a baseline, from this benchmark's own consumer (time it saw
 * each record − ce_time).
 */
class PushLatencyBenchmark {

    private static final int WARM_UP = 5;
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    /** The timeline of one push. */
    record Timeline(Instant sent, GitPushedAt pushed, RecordedEvent artifact, RecordedEvent rendered, RecordedEvent applied) {

        double total() {
            return seconds(pushed.receivedAt(), applied.time());
        }

        double gateway() {
            return seconds(pushed.receivedAt(), pushed.event().time());
        }

        double source() {
            return seconds(pushed.event().time(), artifact.time());
        }

        double render() {
            return seconds(artifact.time(), rendered.time());
        }

        double apply() {
            return seconds(rendered.time(), applied.time());
        }

        double applyInner() {
            return applied.as(ApplyCompleted.class).duration().toNanos() / 1e9;
        }

        double sentToApplied() {
            return seconds(sent, applied.time());
        }

        /** What this benchmark's own consumer saw: hand-off of each of the four records, summed. */
        double observerHandOffs() {
            return seconds(pushed.event().time(), pushed.event().seenAt()) + seconds(artifact.time(), artifact.seenAt())
                    + seconds(rendered.time(), rendered.seenAt()) + seconds(applied.time(), applied.seenAt());
        }
    }

    record GitPushedAt(RecordedEvent event, Instant receivedAt) {
    }

    @Test
    void pushToApplied() throws Exception {
        int pushes = Integer.getInteger("bench.pushes", 100);
        StringBuilder report = new StringBuilder();
        try (Loop loop = Loop.start(WorkDirs.create(PushLatencyBenchmark.class))) {
            for (int i = 0; i < WARM_UP; i++) {
                measure(loop, "warm-up " + i);
            }
            Map<String, MetricSamples> before = scrapeAll(loop);
            String load = uptime();
            List<Timeline> timelines = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < pushes; i++) {
                timelines.add(measure(loop, "push " + i));
            }
            double wall = (System.nanoTime() - started) / 1e9;
            Map<String, MetricSamples> after = scrapeAll(loop);

            report.append("Push-to-applied, ").append(pushes).append(" sequential pushes (after ").append(WARM_UP)
                    .append(" warm-up pushes), ").append(String.format("%.1f", wall)).append(" s wall\n");
            report.append("load before: ").append(load).append("\nload after:  ").append(uptime()).append("\n\n");
            report.append(String.format("%-58s %8s %8s %8s %8s%n", "leg (seconds)", "p50", "p90", "p99", "max"));
            row(report, "push-to-applied (webhook received -> ApplyCompleted)", timelines, Timeline::total);
            row(report, "  webhook sent by the test -> ApplyCompleted", timelines, Timeline::sentToApplied);
            row(report, "  gateway: received -> GitPushed created", timelines, Timeline::gateway);
            row(report, "  source: GitPushed -> ArtifactReady (hand-off + fetch)", timelines, Timeline::source);
            row(report, "  render: ArtifactReady -> ManifestsRendered (hand-off+render)", timelines, Timeline::render);
            row(report, "  apply: ManifestsRendered -> ApplyCompleted (hand-off+apply)", timelines, Timeline::apply);
            row(report, "    of which ApplyCompleted.duration", timelines, Timeline::applyInner);
            row(report, "  observer: 4 hand-offs to this test's own consumer", timelines, Timeline::observerHandOffs);
            report.append('\n').append(serviceHistograms(before, after));
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "push-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertThat(report).contains("push-to-applied");
    }

    private Timeline measure(Loop loop, String what) throws Exception {
        String value = what + " at " + Instant.now();
        Loop.Push push = loop.push(Map.of("deploy/counter.yaml", E2eRepository.configMap("counter", "push", value)), "bench: " + what);
        EventLog events = loop.events();
        RecordedEvent applied = events.await(ApplyCompleted.class, e -> e.revision().equals(push.revision()), APPLIED_WITHIN,
                "for " + push.revision() + " (" + what + ")" + loop.pipeline().logTails(15));
        RecordedEvent pushed = events.await(GitPushed.class, e -> e.after().equals(push.sha()), Duration.ofSeconds(1), "for " + push.sha());
        RecordedEvent artifact = events.await(ArtifactReady.class, e -> e.revision().equals(push.revision()), Duration.ofSeconds(1), "");
        RecordedEvent rendered = events.await(ManifestsRendered.class, e -> e.sourceRevision().equals(push.revision()), Duration.ofSeconds(1), "");
        return new Timeline(push.webhookSentAt(), new GitPushedAt(pushed, pushed.as(GitPushed.class).receivedAt()), artifact, rendered, applied);
    }

    private static void row(StringBuilder report, String leg, List<Timeline> timelines, ToDoubleFunction<Timeline> value) {
        double[] values = timelines.stream().mapToDouble(value).sorted().toArray();
        report.append(String.format("%-58s %8.3f %8.3f %8.3f %8.3f%n", leg, percentile(values, 50), percentile(values, 90),
                percentile(values, 99), values[values.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Map<String, MetricSamples> scrapeAll(Loop loop) throws IOException, InterruptedException {
        Map<String, MetricSamples> scrapes = new LinkedHashMap<>();
        for (ServiceProcess service : loop.pipeline().services()) {
            scrapes.put(service.name(), MetricSamples.scrape(loop.pipeline().url(service.name(), "/q/metrics")));
        }
        return scrapes;
    }

    /** Mean and bucket-estimated p50/p99 of the services' own Sluice histograms over the run. */
    static String serviceHistograms(Map<String, MetricSamples> before, Map<String, MetricSamples> after) {
        StringBuilder text = new StringBuilder("Services' own histograms over the run (mean from _sum/_count; p50/p99 = upper bucket bound):\n");
        int rows = 0;
        for (String service : after.keySet()) {
            for (String[] metric : new String[][] {{"sluice_kafka_handoff_seconds", "topic"}, {"sluice_stage_duration_seconds", "stage"},
                    {"sluice_push_to_applied_seconds", null}}) {
                String name = metric[0];
                List<String> values = metric[1] == null ? List.of("") : after.get(service).labelValues(name + "_count", metric[1]);
                for (String value : values) {
                    String label = metric[1];
                    double count = after.get(service).sum(name + "_count", label, value) - before.get(service).sum(name + "_count", label, value);
                    if (count <= 0) {
                        continue;
                    }
                    double sum = after.get(service).sum(name + "_sum", label, value) - before.get(service).sum(name + "_sum", label, value);
                    Map<Double, Double> bucketsAfter = after.get(service).buckets(name, label, value);
                    Map<Double, Double> bucketsBefore = before.get(service).buckets(name, label, value);
                    text.append(String.format("  %-16s %-32s %-28s n=%4.0f mean=%7.4f p50<=%s p99<=%s%n", service, name,
                            label == null ? "" : label + "=" + value, count, sum / count,
                            bucketBound(bucketsBefore, bucketsAfter, count, 0.50), bucketBound(bucketsBefore, bucketsAfter, count, 0.99)));
                    rows++;
                }
            }
        }
        if (rows == 0) {
            text.append("  (none served: the services do not record sluice_kafka_handoff_seconds / sluice_stage_duration_seconds /"
                    + " sluice_push_to_applied_seconds yet)\n");
        }
        return text.toString();
    }

    private static String bucketBound(Map<Double, Double> before, Map<Double, Double> after, double count, double quantile) {
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double inBucket = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (inBucket >= quantile * count) {
                return String.format("%.4f", bucket.getKey());
            }
        }
        return "n/a";
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
