package io.sluice.cli.e2e;

import static io.sluice.cli.e2e.ImageRepositoryFiles.NAME;
import static io.sluice.cli.e2e.ImageRepositoryFiles.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.meta.ObjectKey;
import java.time.Duration;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Images to running pods, end to end, with the six services as processes, the sandbox (Kafka, Kubernetes API, Git
 * server) and a real registry (Debian's docker-registry). Three steps in order:
 * <ol>
 *   <li>image {@code 1.0.1} pushed and the registry webhook (Harbor's) called → the ImageRepository is scanned, the
 *       ImagePolicy ({@code 1.x}) selects 1.0.1, the automation commits a change of only the marked line, source,
 *       render and apply follow, and the Deployment runs 1.0.1;</li>
 *   <li>image {@code 1.0.2} pushed without any webhook → the interval scan ({@value ImageRepositoryFiles#SCAN_INTERVAL})
 *       finds it and the Deployment runs 1.0.2;</li>
 *   <li>image {@code 2.1.0} pushed with the webhook → scanned, but the policy ignores it: no commit, no policy change,
 *       the Deployment stays at 1.0.2.</li>
 * </ol>
 */
class ImageLoopIT {

    private static final Duration STEP_WITHIN = Duration.ofSeconds(60);
    private static final ObjectKey POLICY = ObjectKey.of(ImagePolicy.KIND, NAMESPACE, NAME);
    private static ImageLoop loop;

    @BeforeAll
    static void start() throws Exception {
        loop = ImageLoop.start(WorkDirs.create(ImageLoopIT.class));
    }

    @AfterAll
    static void stop() throws Exception {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void pushedImagesEndUpRunning() throws Exception {
        step("1: a push and the registry webhook", this::webhookPush);
        step("2: a push found by the interval scan", this::intervalScan);
        step("3: a push the policy ignores", this::ignoredTag);
    }

    private void webhookPush() throws Exception {
        RevCommit before = loop.tip();
        String image = loop.registryHost() + "/team/app";
        String digest = loop.pushImage("1.0.1");
        loop.callWebhook("1.0.1", digest);

        loop.events().await(ImagePushed.class, e -> "1.0.1".equals(e.tag()), STEP_WITHIN, "for 1.0.1 from the gateway");
        loop.events().await(ImagePolicyChanged.class, e -> e.policy().equals(POLICY) && e.latest().equals(image + ":1.0.1"),
                STEP_WITHIN, "selecting 1.0.1");
        loop.awaitRunning("1.0.1", STEP_WITHIN, "step 1");

        RevCommit commit = loop.tip();
        assertThat(commit.getParent(0)).as("one commit on top of the one before").isEqualTo(before);
        assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("images@sluice.test");
        assertThat(commit.getFullMessage()).isEqualTo(image + ":1.0.0 -> " + image + ":1.0.1\n");
        assertThat(loop.file(commit, "deploy/app.yaml")).as("only the marked value changed")
                .isEqualTo(ImageRepositoryFiles.deployment(loop.registryHost(), "1.0.1"));
        assertThat(loop.objects().statusField(ImageUpdateAutomation.KIND, NAMESPACE, NAME, "lastPushCommit")).isEqualTo(commit.name());
        assertThat(loop.objects().statusField(ImagePolicy.KIND, NAMESPACE, NAME, "observedPreviousRef")).contains("1.0.0");
    }

    private void intervalScan() throws Exception {
        loop.pushImage("1.0.2");
        loop.awaitRunning("1.0.2", STEP_WITHIN, "step 2 (no webhook: the interval scan)");
        assertThat(loop.file(loop.tip(), "deploy/app.yaml")).isEqualTo(ImageRepositoryFiles.deployment(loop.registryHost(), "1.0.2"));
    }

    private void ignoredTag() throws Exception {
        RevCommit before = loop.tip();
        int policyChanges = loop.events().all(ImagePolicyChanged.class, e -> e.policy().equals(POLICY)).size();
        String digest = loop.pushImage("2.1.0");
        loop.callWebhook("2.1.0", digest);
        Await.until("ImageRepository " + NAME + " to list 2.1.0 after the webhook", STEP_WITHIN,
                () -> loop.objects().statusField(ImageRepository.KIND, NAMESPACE, NAME, "lastScanResult"), s -> s.contains("2.1.0"));
        // Give the policy and the automation the time they took in step 1 to do something they must not do.
        Thread.sleep(3_000);
        assertThat(loop.events().all(ImagePolicyChanged.class, e -> e.policy().equals(POLICY))).as("no policy change for 2.1.0").hasSize(policyChanges);
        assertThat(loop.tip()).as("no commit for 2.1.0").isEqualTo(before);
        assertThat(loop.runningImage()).isEqualTo(loop.registryHost() + "/team/app:1.0.2");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) throws Exception {
        long started = System.nanoTime();
        try {
            step.run();
            System.out.printf("[e2e] image step %s: passed in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        } catch (AssertionError | Exception e) {
            throw new AssertionError("Step " + name + " failed: " + e.getMessage()
                    + "\nImageRepository: " + loop.objects().ready(ImageRepository.KIND, NAMESPACE, NAME)
                    + "\nImagePolicy: " + loop.objects().ready(ImagePolicy.KIND, NAMESPACE, NAME)
                    + "\nImageUpdateAutomation: " + loop.objects().ready(ImageUpdateAutomation.KIND, NAMESPACE, NAME)
                    + "\nDeployment runs: " + loop.runningImage()
                    + "\nDead letters: " + loop.events().deadLetters()
                    + "\nEvents: " + EventLog.describe(loop.events().all()) + loop.pipeline().logTails(30), e);
        }
    }
}
