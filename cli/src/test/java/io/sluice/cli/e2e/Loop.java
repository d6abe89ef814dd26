package io.sluice.cli.e2e;

import static io.sluice.cli.e2e.E2eRepository.FLUX_NAMESPACE;
import static io.sluice.cli.e2e.E2eRepository.NAME;

import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.Revision;
import io.sluice.api.notification.Receiver;
import io.sluice.cli.SluiceCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import picocli.CommandLine;

/**
 * The loop the end-to-end test and the benchmark drive: the {@link Pipeline}, a repository {@code e2e} on its Git
 * server with a working copy, the GitRepository / Kustomization / Receiver that deploy it, and an {@link EventLog}
 * of the pipeline's topics. {@link #start} returns once the first commit is applied and the Receiver has its path.
 */
final class Loop implements AutoCloseable {

    static final String BRANCH_REF = "refs/heads/main";
    private static final Duration SETUP_WITHIN = Duration.ofSeconds(60);

    private final Pipeline pipeline;
    private final EventLog events;
    private final ClusterObjects objects;
    private final WorkingCopy workingCopy;
    private final GitHubWebhook webhook;
    private final Path workDir;

    private Loop(Pipeline pipeline, EventLog events, ClusterObjects objects, WorkingCopy workingCopy, GitHubWebhook webhook, Path workDir) {
        this.pipeline = pipeline;
        this.events = events;
        this.objects = objects;
        this.workingCopy = workingCopy;
        this.webhook = webhook;
        this.workDir = workDir;
    }

    /** A push: the commit, its Flux revision, when the webhook was sent and what the gateway answered. */
    record Push(String sha, String revision, Instant webhookSentAt, GitHubWebhook.Answer answer) {

        String shortSha() {
            return sha.substring(0, 7);
        }
    }

    static Loop start(Path dir) throws Exception {
        Pipeline pipeline = Pipeline.start(dir);
        EventLog events = null;
        WorkingCopy workingCopy = null;
        try {
            events = new EventLog(pipeline.kafkaBootstrap());
            ClusterObjects objects = new ClusterObjects(pipeline.client());
            if (pipeline.realCluster()) {
                objects.deleteTestObjects(FLUX_NAMESPACE, NAME, E2eRepository.APP_NAMESPACE);
                Await.until("the namespace " + E2eRepository.APP_NAMESPACE + " of an earlier run to be gone", SETUP_WITHIN,
                        () -> pipeline.client().namespaces().withName(E2eRepository.APP_NAMESPACE).get() == null, gone -> gone);
            }

            pipeline.git().createBareRepository(E2eRepository.REPOSITORY);
            ObjectId first = pipeline.git().commitFiles(E2eRepository.REPOSITORY, "main", E2eRepository.initialFiles(), "e2e: initial manifests");
            String url = pipeline.git().url(E2eRepository.REPOSITORY).toString();
            workingCopy = WorkingCopy.cloneOf(url, dir.resolve("checkout"));

            String secret = NAME + "-webhook-token";
            objects.createSecret(FLUX_NAMESPACE, secret, Map.of("token", E2eRepository.WEBHOOK_TOKEN));
            objects.create(E2eRepository.receiver(secret));
            // The Kustomization first: render-service renders the Kustomizations it finds when the artifact arrives.
            objects.create(E2eRepository.kustomization());
            objects.create(E2eRepository.gitRepository(url));

            String initialRevision = Revision.git("main", first.name()).toString();
            awaitApplied(pipeline, objects, initialRevision, SETUP_WITHIN, "the initial commit to be applied (set-up)");
            String path = Await.until("Receiver " + FLUX_NAMESPACE + "/" + NAME + " to get status.webhookPath (set-up)", SETUP_WITHIN,
                    () -> objects.statusField(Receiver.KIND, FLUX_NAMESPACE, NAME, "webhookPath"), p -> !p.isEmpty());
            String expected = fluxWebhookPath(E2eRepository.WEBHOOK_TOKEN, NAME, FLUX_NAMESPACE);
            if (!path.equals(expected)) {
                throw new AssertionError("Receiver status.webhookPath is " + path + ", Flux's formula gives " + expected);
            }
            GitHubWebhook webhook = new GitHubWebhook(URI.create(pipeline.url("webhook-gateway", path)), E2eRepository.WEBHOOK_TOKEN);
            return new Loop(pipeline, events, objects, workingCopy, webhook, dir);
        } catch (Exception | Error e) {
            AssertionError failure = new AssertionError("Setting up the loop failed: " + e.getMessage() + pipeline.logTails(30), e);
            if (workingCopy != null) {
                workingCopy.close();
            }
            if (events != null) {
                events.close();
            }
            pipeline.close();
            throw failure;
        }
    }

    /** Flux's Receiver.GetWebhookPath: /hook/ + sha256hex(token + name + namespace). */
    static String fluxWebhookPath(String token, String name, String namespace) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((token + name + namespace).getBytes(StandardCharsets.UTF_8));
        return "/hook/" + HexFormat.of().formatHex(digest);
    }

    Pipeline pipeline() {
        return pipeline;
    }

    EventLog events() {
        return events;
    }

    ClusterObjects objects() {
        return objects;
    }

    /** Commits {@code files} (a null text deletes), pushes to the Git server, then sends the signed GitHub webhook. */
    Push push(Map<String, String> files, String message) throws Exception {
        String before = workingCopy.head();
        String sha = workingCopy.commitAndPush(files, message);
        Instant sentAt = Instant.now();
        GitHubWebhook.Answer answer = webhook.push(workingCopy.url(), BRANCH_REF, before, sha);
        if (answer.status() != 202) {
            throw new AssertionError("webhook-gateway answered the push webhook of " + sha + " with HTTP " + answer.status()
                    + " " + answer.body() + " (expected 202 accepted)" + pipeline.logTails(20));
        }
        return new Push(sha, Revision.git("main", sha).toString(), sentAt, answer);
    }

    void awaitApplied(String revision, Duration timeout, String what) throws InterruptedException {
        awaitApplied(pipeline, objects, revision, timeout, what);
    }

    private static void awaitApplied(Pipeline pipeline, ClusterObjects objects, String revision, Duration timeout, String what)
            throws InterruptedException {
        Await.until(what + ": Kustomization " + FLUX_NAMESPACE + "/" + NAME + " Ready=True with lastAppliedRevision " + revision,
                timeout, () -> objects.ready(Kustomization.KIND, FLUX_NAMESPACE, NAME) + ", lastAppliedRevision="
                        + objects.statusField(Kustomization.KIND, FLUX_NAMESPACE, NAME, "lastAppliedRevision"),
                seen -> seen.startsWith("Ready=True ") && seen.endsWith("lastAppliedRevision=" + revision));
    }

    /**
     * Runs a {@code sluice} command in this JVM against the pipeline's cluster and broker, as a user would in a second
     * terminal; returns its exit code, its output goes to {@code out} and {@code err}.
     */
    int sluice(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kafka", pipeline.kafkaBootstrap(), "--work-dir", workDir.resolve("no-up").toString()));
        all.addAll(pipeline.kubeconfigOptions());
        return cli.execute(all.toArray(String[]::new));
    }

    @Override
    public void close() throws Exception {
        try {
            workingCopy.close();
            events.close();
            if (pipeline.realCluster()) {
                objects.deleteTestObjects(FLUX_NAMESPACE, NAME, E2eRepository.APP_NAMESPACE);
            }
        } finally {
            pipeline.close();
        }
    }
}
