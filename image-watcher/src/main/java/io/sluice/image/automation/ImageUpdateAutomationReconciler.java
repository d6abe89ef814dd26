package io.sluice.image.automation;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.Severity;
import io.sluice.api.image.CommitSpec;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRef;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.image.ImageUpdateAutomationSpec;
import io.sluice.api.image.ImageUpdateAutomationStatus;
import io.sluice.api.image.PullRequestSpec;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.meta.Revision;
import io.sluice.image.cluster.Attempts;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.cluster.StatusWriter;
import io.sluice.image.messaging.EventSink;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one ImageUpdateAutomation, as Flux's image-automation-controller does:
 * <ol>
 *   <li>skip it while {@code spec.suspend} is true;</li>
 *   <li>read the GitRepository it updates and {@code spec.git} — InvalidSourceConfiguration;</li>
 *   <li>take the latest image of every ImagePolicy in its namespace that {@code spec.policySelector} selects;</li>
 *   <li>check out the branch, set every marked value under {@code spec.update.path} (Setters), and when a file changed
 *       commit it (author, message from {@code messageTemplate}, an SSH or OpenPGP signature) and push it — GitOperationFailed; a marker
 *       naming a policy the automation does not have is UpdateFailed, and nothing is committed;</li>
 *   <li>after a push: an event "pushed commit … to branch …", {@code lastPushCommit}, {@code lastPushTime}, and (beyond
 *       Flux) a {@code ReconcileRequested} for the GitRepository when the commit went to its branch, so source-service
 *       fetches it at once rather than on its next poll;</li>
 *   <li>write the status: {@code observedPolicies}, {@code observedSourceRevision}, {@code lastAutomationRunTime},
 *       Ready=True "repository up-to-date".</li>
 * </ol>
 */
public final class ImageUpdateAutomationReconciler {

    private static final Logger LOG = Logger.getLogger(ImageUpdateAutomationReconciler.class);
    static final String UPDATE_FAILED = "UpdateFailed";

    /** How often, when, and how this service retries. */
    public record Settings(Duration defaultInterval, Duration retryMin, String controller) {
    }

    private final KubernetesClient client;
    private final AutomationSource sources;
    private final BranchCommitter committer;
    private final PullRequestMode pullRequests;
    private final CommitSigners signers;
    private final StatusWriter statusWriter;
    private final EventSink events;
    private final Settings settings;
    private final Attempts attempts;

    public ImageUpdateAutomationReconciler(KubernetesClient client, Path workPath, EventSink events, Settings settings) {
        this.client = client;
        this.sources = new AutomationSource(client);
        this.committer = new BranchCommitter(workPath);
        this.pullRequests = new PullRequestMode(client, committer);
        this.signers = new CommitSigners(new Secrets(client));
        this.attempts = new Attempts(events, settings.controller(), settings.retryMin());
        this.statusWriter = new StatusWriter(client);
        this.events = events;
        this.settings = settings;
    }

    BranchCommitter committer() {
        return committer;
    }

    public void noteRequest(ObjectKey key, Instant requestedAt) {
        attempts.noteRequest(key, requestedAt);
    }

    public void forget(ObjectKey key) {
        attempts.forget(key);
    }

    /** Runs the automation; returns when to run it again, or null when only a change should. */
    public Duration reconcile(ObjectKey key) {
        ImageUpdateAutomation automation = client.resources(ImageUpdateAutomation.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (automation == null) {
            forget(key);
            return null;
        }
        ImageUpdateAutomationSpec spec = automation.getSpec() == null ? new ImageUpdateAutomationSpec() : automation.getSpec();
        automation.setSpec(spec);
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            return null;
        }
        long generation = automation.getMetadata().getGeneration() == null ? 0 : automation.getMetadata().getGeneration();
        ImageUpdateAutomationStatus status = automation.getStatus() == null ? new ImageUpdateAutomationStatus() : automation.getStatus();
        Attempts.Attempt attempt = attempts.start(key, status);
        Duration interval = settings.defaultInterval();
        try {
            interval = interval(spec, key);
            BranchUpdate update = sources.read(key, automation);
            Map<String, ImageRef> policies = policies(key, spec);
            CommitSpec commit = spec.getGit().getCommit();
            BranchCommitter.Author author = new BranchCommitter.Author(commit.getAuthor().getName(), commit.getAuthor().getEmail(),
                    signers.signer(key, commit.getSigningKey()));
            PullRequestSpec pullRequest = spec.getGit().getPush() == null ? null : spec.getGit().getPush().getPullRequest();
            if (pullRequest != null) {
                return pullRequestRun(key, status, generation, interval, pullRequest, commit, update, policies, author, attempt);
            }
            BranchCommitter.Outcome outcome = committer.update(key, update, author, () -> new SetterChanges(key, commit, policies, setter -> true));
            Instant now = Instant.now();
            String checkoutCommit;
            String message = "repository up-to-date";
            if (outcome instanceof BranchCommitter.Outcome.Pushed pushed) {
                checkoutCommit = update.pushBranch().equals(update.checkoutBranch()) ? pushed.commit() : pushed.checkoutCommit();
                status.setLastPushCommit(pushed.commit());
                status.setLastPushTime(timestamp(now));
                String event = "pushed commit '" + pushed.commit().substring(0, 7) + "' to branch '" + update.pushBranch() + "'\n" + pushed.message();
                LOG.infof("%s: %s", key, event.replace('\n', ' '));
                events.publish(new ObjectEvent(key, Severity.INFO, Reasons.SUCCEEDED, event, Revision.git(update.pushBranch(), pushed.commit()).toString(),
                        Map.of("commit", pushed.commit(), "branch", update.pushBranch()), now, settings.controller()));
                if (update.pushBranch().equals(update.checkoutBranch())) {
                    // Beyond Flux: source-service fetches the new commit now instead of on its next poll.
                    events.publish(new ReconcileRequested(update.source(), now, settings.controller() + " (pushed " + pushed.commit().substring(0, 7) + ")"));
                }
            } else {
                checkoutCommit = ((BranchCommitter.Outcome.NoChange) outcome).checkoutCommit();
                if (status.getObservedSourceRevision() != null && status.getObservedSourceRevision().endsWith(checkoutCommit)
                        && observedMatches(status, policies)) {
                    message = "no change since last reconciliation";
                }
            }
            return succeeded(key, status, generation, interval, policies, update, checkoutCommit, message, now, attempt);
        } catch (GitPushException failure) {
            attempt.failed(generation, failure.reason(), failure.getMessage(), false);
            status.setLastAutomationRunTime(timestamp(Instant.now()));
            statusWriter.write(ImageUpdateAutomation.class, key, status);
            return attempt.backoff(interval);
        }
    }

    /** Pull request mode: each policy's change on its own branch, one request each (see {@link PullRequestMode}). */
    private Duration pullRequestRun(ObjectKey key, ImageUpdateAutomationStatus status, long generation, Duration interval,
                                    PullRequestSpec spec, CommitSpec commit, BranchUpdate update, Map<String, ImageRef> policies,
                                    BranchCommitter.Author author, Attempts.Attempt attempt) throws GitPushException {
        PullRequestMode.Result result = pullRequests.run(key, spec, commit, update, policies, author);
        Instant now = Instant.now();
        for (PullRequestMode.Opened opened : result.opened()) {
            status.setLastPushCommit(opened.commit());
            status.setLastPushTime(timestamp(now));
            String event = (opened.created() ? "opened " : "updated ") + ("gitlab".equalsIgnoreCase(spec.getProvider()) ? "merge request " : "pull request ")
                    + opened.url() + " for ImagePolicy " + opened.policy().replace(':', '/') + " (branch '" + opened.branch() + "', commit '"
                    + opened.commit().substring(0, 7) + "')";
            LOG.infof("%s: %s", key, event);
            events.publish(new ObjectEvent(key, Severity.INFO, Reasons.SUCCEEDED, event, Revision.git(opened.branch(), opened.commit()).toString(),
                    Map.of("commit", opened.commit(), "branch", opened.branch(), "pullRequest", opened.url()), now, settings.controller()));
        }
        String message = result.opened().isEmpty() ? "repository up-to-date"
                : "pull requests up-to-date: " + String.join(", ", result.opened().stream().map(PullRequestMode.Opened::url).toList());
        return succeeded(key, status, generation, interval, policies, update, result.checkoutCommit(), message, now, attempt);
    }

    private Duration succeeded(ObjectKey key, ImageUpdateAutomationStatus status, long generation, Duration interval, Map<String, ImageRef> policies,
                               BranchUpdate update, String checkoutCommit, String message, Instant now, Attempts.Attempt attempt) {
        status.setObservedPolicies(observed(policies));
        if (checkoutCommit != null) {
            status.setObservedSourceRevision(Revision.git(update.checkoutBranch(), checkoutCommit).toString());
        }
        status.setLastAutomationRunTime(timestamp(now));
        Conditions.delete(status, ConditionTypes.STALLED);
        Conditions.delete(status, ConditionTypes.RECONCILING);
        Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, message, now);
        status.setObservedGeneration(generation);
        statusWriter.write(ImageUpdateAutomation.class, key, status);
        attempt.succeeded();
        return interval;
    }

    /** The latest image of every selected policy in the automation's namespace (null while it has none), by {@code namespace:name}. */
    private Map<String, ImageRef> policies(ObjectKey key, ImageUpdateAutomationSpec spec) throws GitPushException {
        List<ImagePolicy> items;
        try {
            var policies = client.resources(ImagePolicy.class).inNamespace(key.namespace());
            items = spec.getPolicySelector() == null ? policies.list().getItems() : policies.withLabelSelector(spec.getPolicySelector()).list().getItems();
        } catch (RuntimeException e) {
            throw new GitPushException("InvalidPolicySelector", "listing the ImagePolicies of namespace " + key.namespace()
                    + " with spec.policySelector failed: " + e.getMessage(), e);
        }
        Map<String, ImageRef> latest = new TreeMap<>();
        for (ImagePolicy policy : items) {
            latest.put(policy.getMetadata().getNamespace() + ":" + policy.getMetadata().getName(),
                    policy.getStatus() == null ? null : policy.getStatus().getLatestRef());
        }
        return latest;
    }

    private static Map<String, ImageRef> observed(Map<String, ImageRef> policies) {
        Map<String, ImageRef> observed = new LinkedHashMap<>();
        policies.forEach((setter, ref) -> {
            if (ref != null) {
                observed.put(setter.substring(setter.indexOf(':') + 1), ref);
            }
        });
        return observed;
    }

    private static boolean observedMatches(ImageUpdateAutomationStatus status, Map<String, ImageRef> policies) {
        Map<String, ImageRef> before = status.getObservedPolicies() == null ? Map.of() : status.getObservedPolicies();
        Map<String, ImageRef> now = observed(policies);
        return before.size() == now.size() && now.entrySet().stream().allMatch(e -> e.getValue().sameAs(before.get(e.getKey())));
    }

    private Duration interval(ImageUpdateAutomationSpec spec, ObjectKey key) throws GitPushException {
        if (spec.getInterval() == null) {
            return settings.defaultInterval();
        }
        try {
            Duration interval = FluxDuration.parse(spec.getInterval(), "spec.interval of ImageUpdateAutomation " + key.namespace() + "/" + key.name());
            return interval.isZero() || interval.isNegative() ? settings.defaultInterval() : interval;
        } catch (IllegalArgumentException e) {
            throw new GitPushException(AutomationSource.INVALID_SOURCE, e.getMessage(), e);
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
