package io.sluice.image.bench;

import io.sluice.api.image.ImagePolicyChoice;
import io.sluice.api.image.SemVerPolicy;
import io.sluice.image.policy.PolicySelection;
import io.sluice.image.policy.TagFilterRule;
import io.sluice.image.policy.TagPolicy;
import io.sluice.image.registry.ImageName;
import io.sluice.image.registry.RegistryAccess;
import io.sluice.image.registry.RegistryClient;
import io.sluice.sandbox.registry.LocalRegistry;
import io.sluice.sandbox.registry.RegistryImages;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Scanning a repository of 10,000 tags and picking the latest by semver, against a real registry (Debian's
 * docker-registry on loopback): the wall time of tags/list + exclusion list + selection, and the heap it needs.
 * Runs in a JVM of its own (see the {@code bench} profile of image-watcher's pom, {@code -Xmx} there).
 *
 * <p>Heap: before each run the JVM collects and the heap pools' peak counters are reset; "peak" is the sum of the
 * pools' peaks during the run minus what was in use before it (an upper bound: it includes garbage not yet
 * collected), "retained" what is still in use, the tag list held, after a collection.
 */
public final class TagScanBenchmark {

    private static final String REPOSITORY = "bench/app";

    public static void main(String[] args) throws Exception {
        int tags = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (LocalRegistry registry = LocalRegistry.builder().start()) {
            long seeding = System.nanoTime();
            seed(registry, tags);
            System.out.printf("seeded %d tags in %.1f s (one image, its manifest PUT under every tag)%n", tags, (System.nanoTime() - seeding) / 1e9);
            ImageName image = ImageName.parse(registry.host() + "/" + REPOSITORY);
            RegistryClient client = new RegistryClient(1000);
            RegistryAccess access = RegistryAccess.anonymous(true, Duration.ofMinutes(1));
            TagPolicy policy = semver(">=1.0.0 <99.0.0");
            Pattern excluded = Pattern.compile("^.*\\.sig$");
            for (int i = 0; i < 3; i++) {
                scan(client, image, access, excluded, policy);
            }
            long[] millis = new long[runs];
            long[] peak = new long[runs];
            long[] retained = new long[runs];
            String latest = null;
            for (int i = 0; i < runs; i++) {
                System.gc();
                long before = heapUsed();
                resetPeaks();
                long start = System.nanoTime();
                Result result = scan(client, image, access, excluded, policy);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                peak[i] = heapPeak() - before;
                System.gc();
                retained[i] = heapUsed() - before;
                latest = result.latest() + " of " + result.tags().size();
            }
            Arrays.sort(millis);
            Arrays.sort(peak);
            Arrays.sort(retained);
            System.out.printf("%nscan of %d tags + semver selection (%s), %d runs after 3 warm-up runs:%n", tags, latest, runs);
            System.out.printf("  time      min %d ms, median %d ms, max %d ms%n", millis[0], millis[runs / 2], millis[runs - 1]);
            System.out.printf("  peak heap median %.1f MB, max %.1f MB (above what was in use before the scan; includes garbage)%n",
                    peak[runs / 2] / 1e6, peak[runs - 1] / 1e6);
            System.out.printf("  retained  median %.1f MB (the tag list, after a collection)%n", retained[runs / 2] / 1e6);
            System.out.printf("  max heap of this JVM: %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private record Result(List<String> tags, String latest) {
    }

    private static Result scan(RegistryClient client, ImageName image, RegistryAccess access, Pattern excluded, TagPolicy policy) throws Exception {
        List<String> tags = new ArrayList<>();
        client.listTags(image, access, tag -> {
            if (!excluded.matcher(tag).find()) {
                tags.add(tag);
            }
        });
        return new Result(tags, PolicySelection.select(tags, TagFilterRule.ALL, policy).latest().orElse("none"));
    }

    /** One real image, then its manifest under {@code count} tags (1.x.y versions, some prereleases and signatures). */
    private static void seed(LocalRegistry registry, int count) throws Exception {
        RegistryImages.push(registry, REPOSITORY, "seed");
        HttpClient http = HttpClient.newHttpClient();
        URI base = registry.url().resolve("/v2/" + REPOSITORY + "/manifests/");
        HttpResponse<byte[]> manifest = http.send(HttpRequest.newBuilder(base.resolve("seed"))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String type = manifest.headers().firstValue("Content-Type").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count - 1; i++) {
                String tag = tag(i);
                puts.add(pool.submit(() -> {
                    HttpResponse<Void> put = http.send(HttpRequest.newBuilder(base.resolve(tag)).header("Content-Type", type)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body())).build(), HttpResponse.BodyHandlers.discarding());
                    if (put.statusCode() != 201) {
                        throw new IllegalStateException("PUT manifest " + tag + ": HTTP " + put.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String tag(int i) {
        if (i % 97 == 0) {
            return "sha256-" + i + ".sig";
        }
        if (i % 31 == 0) {
            return (1 + i / 1000) + "." + (i / 10 % 100) + "." + (i % 10) + "-rc." + i % 7;
        }
        return (1 + i / 1000) + "." + (i / 10 % 100) + "." + (i % 10);
    }

    private static TagPolicy semver(String range) {
        ImagePolicyChoice choice = new ImagePolicyChoice();
        SemVerPolicy semver = new SemVerPolicy();
        semver.setRange(range);
        choice.setSemver(semver);
        return TagPolicy.from(choice);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
