package io.sluice.cli.e2e;

import static io.sluice.cli.e2e.E2eRepository.APP_NAMESPACE;
import static io.sluice.cli.e2e.E2eRepository.FLUX_NAMESPACE;
import static io.sluice.cli.e2e.E2eRepository.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.api.messaging.Topic;
import io.sluice.cli.e2e.ClusterObjects.Ready;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loop, end to end, with the six real services as separate processes against the sandbox (Kafka, Kubernetes
 * API, Git server), a Slack-compatible HTTP receiver and an SMTP server (GreenMail). With
 * {@code -Dsluice.test.kubeconfig=FILE} the Kubernetes API is that cluster's ({@link Pipeline}). One test, four steps in order,
 * each building on the cluster state the one before left:
 * <ol>
 *   <li>a commit pushed to the Git server and a signed GitHub push webhook → applied, Ready at the new revision,
 *       one "applied" message on Slack and one by mail;</li>
 *   <li>a commit with a broken manifest → an error naming the file (event and alerts), the applied objects
 *       untouched, Ready=False BuildFailed; and it stays so after {@code sluice reconcile ks}, which says so (✗);</li>
 *   <li>a commit that removes a file (and the broken one) → that object pruned;</li>
 *   <li>apply-service killed (SIGKILL) in the middle of a push - right after it applied the push and published
 *       its ApplyCompleted, before its consumer committed the offset - then restarted: Kafka hands it the records
 *       since its last commit again, and that replay must change nothing: the push stays applied, no object is
 *       deleted or created again, exactly one ApplyCompleted with changes for the revision.</li>
 * </ol>
 * A failure says which step, what was seen, and ends with every service's log tail.
 */
class PipelineLoopIT {

    private static final Duration STEP_WITHIN = Duration.ofSeconds(60);
    private static final String MAIL_TO = "ops@sluice.test";

    private static GreenMail smtp;
    private static SlackReceiver slack;
    private static Loop loop;

    @BeforeAll
    static void startTheLoop() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        slack = SlackReceiver.start();
        loop = Loop.start(WorkDirs.create(PipelineLoopIT.class));
        ClusterObjects objects = loop.objects();
        objects.create(E2eRepository.slackProvider(slack.url()));
        objects.create(E2eRepository.emailProvider("smtp://127.0.0.1:" + smtp.getSmtp().getPort(), MAIL_TO, "sluice@sluice.test"));
        objects.create(E2eRepository.alert("e2e-slack", "e2e-slack"));
        objects.create(E2eRepository.alert("e2e-email", "e2e-email"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (loop != null) {
                loop.close();
            }
        } finally {
            if (slack != null) {
                slack.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void aPushEndsAppliedAndAnnouncedAndFailuresReachPeople() throws Exception {
        Loop.Push applied = step("1: a push is applied and announced", this::pushIsAppliedAndAnnounced);
        step("2: a broken manifest is reported, nothing applied", () -> brokenManifestIsReported(applied));
        step("3: a removed file is pruned", this::removedFileIsPruned);
        step("4: apply-service killed mid-push", this::killedServiceLosesNothing);
        step("end: exactly one 'applied' message per channel for step 1's push", () -> {
            exactlyOneAppliedMessage(applied);
            return null;
        });
        System.out.println("[e2e] Slack received " + slack.messages().size() + " messages, SMTP " + mails().size() + " mails;"
                + " topics: " + loop.events().counts());
    }

    // --- step 1 -------------------------------------------------------------------------------------------------

    private Loop.Push pushIsAppliedAndAnnounced() throws Exception {
        Loop.Push push = loop.push(Map.of("deploy/config-a.yaml", E2eRepository.configMap("a", "greeting", "hello from step 1")),
                "e2e step 1: add ConfigMap a");
        loop.awaitApplied(push.revision(), STEP_WITHIN, "step 1");

        ConfigMap a = loop.objects().configMap(APP_NAMESPACE, "a").orElseThrow(() -> new AssertionError(
                "ConfigMap " + APP_NAMESPACE + "/a is not in the cluster though the Kustomization says it applied " + push.revision()));
        assertThat(a.getData()).as("ConfigMap a's data").containsEntry("greeting", "hello from step 1");
        assertThat(a.getMetadata().getLabels()).as("owner labels on ConfigMap a")
                .containsEntry("kustomize.toolkit.fluxcd.io/name", NAME)
                .containsEntry("kustomize.toolkit.fluxcd.io/namespace", FLUX_NAMESPACE);
        assertThat(loop.objects().configMap(APP_NAMESPACE, "keep")).as("ConfigMap keep from the initial commit").isPresent();

        // The chain, as the topics show it: one hop per service, all at this revision.
        loop.events().await(ArtifactReady.class, e -> e.revision().equals(push.revision()), STEP_WITHIN, "for " + push.revision());
        loop.events().await(ManifestsRendered.class, e -> e.sourceRevision().equals(push.revision()), STEP_WITHIN, "for " + push.revision());
        loop.events().await(ApplyCompleted.class, e -> e.revision().equals(push.revision()) && e.changedAnything(), STEP_WITHIN,
                "with changes for " + push.revision());

        Predicate<String> appliedMessage = text -> text.contains(push.shortSha()) && text.contains("ReconciliationSucceeded");
        Await.until("a Slack message saying " + push.revision() + " was applied (ReconciliationSucceeded)", STEP_WITHIN,
                slack::messages, messages -> messages.stream().anyMatch(appliedMessage));
        Await.until("a mail to " + MAIL_TO + " saying " + push.revision() + " was applied (ReconciliationSucceeded)", STEP_WITHIN,
                PipelineLoopIT::mails, mails -> mails.stream().anyMatch(appliedMessage));
        return push;
    }

    // --- step 2 -------------------------------------------------------------------------------------------------

    private Void brokenManifestIsReported(Loop.Push lastGood) throws Exception {
        Map<String, String> before = loop.objects().configMapVersions(APP_NAMESPACE);
        Loop.Push push = loop.push(Map.of("deploy/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [name: broken\n"),
                "e2e step 2: a manifest that is not YAML");

        RecordedEvent error = loop.events().await(ObjectEvent.class, e -> e.severity() == Severity.ERROR
                && push.revision().equals(e.revision()), STEP_WITHIN, "of severity error for " + push.revision());
        ObjectEvent event = error.as(ObjectEvent.class);
        assertThat(event.involvedObject().subject()).as("the error event's object").isEqualTo("Kustomization/" + FLUX_NAMESPACE + "/" + NAME);
        assertThat(event.message()).as("the error event names the broken file").contains("broken.yaml");

        Ready ready = Await.until("Kustomization " + NAME + " Ready=False BuildFailed", STEP_WITHIN,
                () -> loop.objects().ready(Kustomization.KIND, FLUX_NAMESPACE, NAME), r -> "False".equals(r.status()));
        assertThat(ready.reason()).as("Ready=False reason").isEqualTo("BuildFailed");
        assertThat(ready.message()).as("Ready=False message names the file").contains("broken.yaml");
        assertThat(loop.objects().statusField(Kustomization.KIND, FLUX_NAMESPACE, NAME, "lastAppliedRevision"))
                .as("lastAppliedRevision stays at the last good revision").isEqualTo(lastGood.revision());
        assertThat(loop.objects().configMapVersions(APP_NAMESPACE)).as("ConfigMaps and their resourceVersions, untouched")
                .isEqualTo(before);
        assertThat(loop.events().all(ApplyCompleted.class, e -> e.revision().equals(push.revision())))
                .as("nothing applied for the broken revision").isEmpty();

        Predicate<String> errorMessage = text -> text.contains("broken.yaml") && text.contains(push.shortSha());
        Await.until("a Slack message naming broken.yaml at " + push.revision(), STEP_WITHIN, slack::messages,
                messages -> messages.stream().anyMatch(errorMessage));
        Await.until("a mail naming broken.yaml at " + push.revision(), STEP_WITHIN, PipelineLoopIT::mails,
                mails -> mails.stream().anyMatch(errorMessage));

        // A broken commit stays broken: a reconcile request re-runs the last good rendering, which must not report
        // Ready over the failing revision (Flux keeps Ready=False until a commit fixes it).
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = loop.sluice(out, err, "reconcile", "ks", NAME, "--timeout", "60");
        assertThat(code).as("'sluice reconcile ks %s' exit code; it printed:%n%s%s", NAME, out, err).isEqualTo(1);
        assertThat(err.toString()).as("what 'sluice reconcile ks' says")
                .contains("✗ Kustomization " + FLUX_NAMESPACE + "/" + NAME + " is not Ready (BuildFailed)").contains("broken.yaml");
        // The CLI may see the failure before apply-service ran (the failing revision is the source's): wait until
        // apply-service handled this request, then look again.
        String requestedAt = loop.objects().get(Kustomization.KIND, FLUX_NAMESPACE, NAME).orElseThrow()
                .getMetadata().getAnnotations().get(ReconcileAnnotation.REQUESTED_AT);
        Await.until("apply-service to handle the reconcile request of " + requestedAt + " (status.lastHandledReconcileAt)", STEP_WITHIN,
                () -> loop.objects().statusField(Kustomization.KIND, FLUX_NAMESPACE, NAME, "lastHandledReconcileAt"),
                requestedAt::equals);
        Ready afterRequest = loop.objects().ready(Kustomization.KIND, FLUX_NAMESPACE, NAME);
        assertThat(afterRequest.status() + " " + afterRequest.reason()).as("Ready after the reconcile request").isEqualTo("False BuildFailed");
        assertThat(loop.objects().statusField(Kustomization.KIND, FLUX_NAMESPACE, NAME, "lastAttemptedRevision"))
                .as("lastAttemptedRevision is the failing revision").isEqualTo(push.revision());
        assertThat(loop.objects().statusField(Kustomization.KIND, FLUX_NAMESPACE, NAME, "lastAppliedRevision"))
                .as("lastAppliedRevision after the reconcile request").isEqualTo(lastGood.revision());
        assertThat(loop.objects().configMapVersions(APP_NAMESPACE)).as("the last good objects, untouched by the request")
                .isEqualTo(before);
        return null;
    }

    // --- step 3 -------------------------------------------------------------------------------------------------

    private Void removedFileIsPruned() throws Exception {
        assertThat(loop.objects().configMap(APP_NAMESPACE, "b")).as("ConfigMap b before it is removed from Git").isPresent();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("deploy/config-b.yaml", null);
        files.put("deploy/broken.yaml", null);
        Loop.Push push = loop.push(files, "e2e step 3: remove ConfigMap b and the broken file");
        loop.awaitApplied(push.revision(), STEP_WITHIN, "step 3");

        assertThat(loop.objects().configMap(APP_NAMESPACE, "b")).as("ConfigMap b, removed from Git, is pruned").isEmpty();
        assertThat(loop.objects().configMapVersions(APP_NAMESPACE).keySet()).as("ConfigMaps left").contains("a", "keep");
        RecordedEvent result = loop.events().await(ApplyCompleted.class, e -> e.revision().equals(push.revision()),
                STEP_WITHIN, "for " + push.revision());
        assertThat(result.as(ApplyCompleted.class).entries(ChangeAction.DELETED)).as("the change set reports the prune")
                .extracting(ChangeSetEntry::objectName).containsExactly("ConfigMap/" + APP_NAMESPACE + "/b");
        return null;
    }

    // --- step 4 -------------------------------------------------------------------------------------------------

    private Void killedServiceLosesNothing() throws Exception {
        String victim = "apply-service";
        Loop.Push push = loop.push(Map.of("deploy/config-c.yaml", E2eRepository.configMap("c", "survives", "a SIGKILL")),
                "e2e step 4: add ConfigMap c while apply-service dies");
        // Kill it the moment its ApplyCompleted reaches Kafka: the objects are written, but the consumer has not
        // committed the offset of the ManifestsRendered yet (commits are throttled), so after the restart Kafka
        // hands it the records since its last commit again. That replay must change nothing.
        RecordedEvent firstResult = loop.events().await(ApplyCompleted.class, e -> e.revision().equals(push.revision()),
                STEP_WITHIN, "for " + push.revision() + " (before the kill)");
        loop.pipeline().service(victim).kill();
        String uid = loop.objects().configMap(APP_NAMESPACE, "c").map(c -> c.getMetadata().getUid()).orElseThrow(() -> new AssertionError(
                "ConfigMap c is not in the cluster though apply-service published " + firstResult));
        int resultsAtKill = loop.events().all(ApplyCompleted.class, e -> true).size();

        loop.pipeline().restart(victim);
        // The restarted service reads render.manifests again from its last committed offset: wait until it has
        // committed everything, so whatever it re-applied is on the topic before we look.
        new ConsumerGroupProgress(loop.pipeline().kafkaBootstrap()).awaitCaughtUp(victim, EventLog.name(Topic.RENDER_MANIFESTS),
                Duration.ofSeconds(90));
        loop.awaitApplied(push.revision(), STEP_WITHIN, "step 4, after the restart");

        assertThat(loop.objects().configMapVersions(APP_NAMESPACE).keySet()).as("every ConfigMap of the last revision, no more")
                .containsExactlyInAnyOrder("a", "c", "keep");
        assertThat(loop.objects().configMap(APP_NAMESPACE, "c").map(c -> c.getMetadata().getUid()))
                .as("ConfigMap c is the one created before the kill (not deleted and created again)").contains(uid);
        List<ApplyCompleted> results = loop.events().all(ApplyCompleted.class, e -> true);
        List<ApplyCompleted> replays = results.subList(resultsAtKill, results.size());
        assertThat(replays.stream().filter(ApplyCompleted::changedAnything).toList())
                .as("results apply-service published after its restart that changed the cluster (a replay must change nothing)")
                .isEmpty();
        assertThat(results.stream().filter(e -> e.revision().equals(push.revision()) && e.changedAnything()).toList())
                .as("ApplyCompleted with changes for " + push.revision() + " (applied exactly once)").hasSize(1);
        return null;
    }

    // --- the end ------------------------------------------------------------------------------------------------

    private void exactlyOneAppliedMessage(Loop.Push push) {
        Predicate<String> appliedMessage = text -> text.contains(push.shortSha()) && text.contains("ReconciliationSucceeded");
        assertThat(slack.messages().stream().filter(appliedMessage).toList()).as("Slack 'applied' messages for " + push.revision())
                .hasSize(1);
        assertThat(mails().stream().filter(appliedMessage).toList()).as("mails 'applied' for " + push.revision()).hasSize(1);
    }

    private static List<String> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(MailText::of).toList();
    }

    // --- failure reporting --------------------------------------------------------------------------------------

    private interface Step<T> {
        T run() throws Exception;
    }

    /** Runs one step; a failure names the step and carries what the pipeline did and the services' log tails. */
    private static <T> T step(String name, Step<T> step) throws Exception {
        long started = System.nanoTime();
        try {
            T result = step.run();
            System.out.printf("[e2e] step %s: passed in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
            return result;
        } catch (AssertionError | Exception e) {
            throw new AssertionError("Step " + name + " failed: " + e.getMessage()
                    + "\n\nKustomization " + FLUX_NAMESPACE + "/" + NAME + ": "
                    + loop.objects().ready(Kustomization.KIND, FLUX_NAMESPACE, NAME)
                    + "\nDead letters: " + loop.events().deadLetters()
                    + "\nEvents on the topics (" + loop.events().counts() + "):\n" + EventLog.describe(loop.events().all())
                    + "Slack messages: " + slack.messages() + "\nMails: " + mails()
                    + loop.pipeline().logTails(25), e);
        }
    }
}
