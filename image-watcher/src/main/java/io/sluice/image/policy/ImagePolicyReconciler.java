package io.sluice.image.policy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImagePolicySpec;
import io.sluice.api.image.ImagePolicyStatus;
import io.sluice.api.image.ImageRef;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.image.cluster.Attempts;
import io.sluice.image.cluster.StatusWriter;
import io.sluice.image.messaging.EventSink;
import io.sluice.image.scan.ManifestDigests;
import io.sluice.image.scan.ScannedTags;
import io.sluice.image.scan.TagStore;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Evaluates one ImagePolicy, as Flux's image-reflector-controller does, on the replica that owns (and scanned) its
 * ImageRepository, from the tags that scan stored:
 * <ol>
 *   <li>skip it while {@code spec.suspend} is true;</li>
 *   <li>read {@code spec.policy} and {@code spec.filterTags} — InvalidPolicy and Stalled when they cannot be used;</li>
 *   <li>find the ImageRepository ({@code imageRepositoryRef}; another namespace only where its {@code accessFrom}
 *       admits ours) and its scanned tags — DependencyNotReady while it has none;</li>
 *   <li>pick the latest tag (filter, then policy) — Ready=False naming the policy and what was scanned when none
 *       qualifies, {@code latestRef} left as it was;</li>
 *   <li>reflect the digest as {@code digestReflectionPolicy} says (Never, IfNotPresent, Always);</li>
 *   <li>write the status: {@code latestRef} ({@code observedPreviousRef} keeps the one before when it changed), Ready=True
 *       "Latest image tag for … resolved to …", {@code observedGeneration};</li>
 *   <li>when the chosen image differs from the one before: publish {@code ImagePolicyChanged} (and wait for Kafka; a
 *       failed publish is retried), then an event. When it is the same, nothing is published.</li>
 * </ol>
 */
public final class ImagePolicyReconciler {

    private static final Logger LOG = Logger.getLogger(ImagePolicyReconciler.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    /** Flux's default for {@code spec.interval} with {@code digestReflectionPolicy: Always}. */
    private static final Duration DEFAULT_DIGEST_INTERVAL = Duration.ofMinutes(10);
    static final String INVALID_POLICY = "InvalidPolicy";

    /** What the policy needs from the rest of the service. */
    public record Collaborators(KubernetesClient client, TagStore tags, ManifestDigests digests, EventSink events,
                                Predicate<ObjectKey> ownsRepository, Consumer<ObjectKey> requestScan, String controller,
                                Duration retry) {
    }

    private final Collaborators with;
    private final StatusWriter statusWriter;
    private final Attempts attempts;
    /** Changes written to a status whose ImagePolicyChanged Kafka has not acknowledged yet. */
    private final Map<ObjectKey, ImagePolicyChanged> unannounced = new ConcurrentHashMap<>();

    public ImagePolicyReconciler(Collaborators with) {
        this.with = with;
        this.statusWriter = new StatusWriter(with.client());
        this.attempts = new Attempts(with.events(), with.controller(), with.retry());
    }

    public void noteRequest(ObjectKey key, Instant requestedAt) {
        attempts.noteRequest(key, requestedAt);
    }

    /** The ImageRepository key a policy refers to (its own namespace unless it names another). */
    public static ObjectKey repositoryOf(ImagePolicy policy) {
        ImagePolicySpec spec = policy.getSpec();
        String name = spec == null || spec.getImageRepositoryRef() == null ? null : spec.getImageRepositoryRef().getName();
        String namespace = spec == null || spec.getImageRepositoryRef() == null || spec.getImageRepositoryRef().getNamespace() == null
                ? policy.getMetadata().getNamespace() : spec.getImageRepositoryRef().getNamespace();
        return ObjectKey.of(ImageRepository.KIND, namespace, name == null || name.isBlank() ? "-" : name);
    }

    /** Evaluates the policy; returns when to evaluate it again, or null when only a scan or change should. */
    public Duration reconcile(ObjectKey key) {
        ImagePolicy policy = with.client().resources(ImagePolicy.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (policy == null) {
            attempts.forget(key);
            return null;
        }
        ImagePolicySpec spec = policy.getSpec() == null ? new ImagePolicySpec() : policy.getSpec();
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            return null;
        }
        ObjectKey repoKey = repositoryOf(policy);
        if (!with.ownsRepository().test(repoKey)) {
            return null; // the replica that owns the repository evaluates its policies
        }
        long generation = policy.getMetadata().getGeneration() == null ? 0 : policy.getMetadata().getGeneration();
        ImagePolicyStatus status = policy.getStatus() == null ? new ImagePolicyStatus() : policy.getStatus();
        Attempts.Attempt attempt = attempts.start(key, status);
        try {
            Rules rules = Rules.of(spec, key);
            ImageRepository repo = repository(key, repoKey);
            ScannedTags tags = tags(repoKey, repo);
            PolicySelection selection = select(tags, rules);
            String tag = selection.latest().orElseThrow(() -> noMatch(key, repo, tags, selection, rules));
            ImageRef latest = ImageRef.of(repo.getStatus().getCanonicalImageName(), tag, digest(rules, repo, tag, status.getLatestRef()));
            ImageRef before = status.getLatestRef();
            boolean changed = !latest.sameAs(before);
            if (changed) {
                status.setObservedPreviousRef(before);
                unannounced.put(key, new ImagePolicyChanged(key, latest.toString(), before == null ? null : before.toString()));
            }
            status.setLatestRef(latest);
            Conditions.delete(status, ConditionTypes.STALLED);
            Conditions.delete(status, ConditionTypes.RECONCILING);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, readyMessage(latest, status.getObservedPreviousRef()), Instant.now());
            status.setObservedGeneration(generation);
            // The status first: automations woken by the announcement read the new latestRef from it.
            statusWriter.write(ImagePolicy.class, key, status);
            announce(key, latest, changed ? before : null, changed);
            return rules.digestInterval();
        } catch (Failure failure) {
            attempt.failed(generation, failure.reason, failure.getMessage(), failure.stalled);
            statusWriter.write(ImagePolicy.class, key, status);
            return failure.stalled ? null : failure.retryAfter;
        }
    }

    private ImageRepository repository(ObjectKey key, ObjectKey repoKey) throws Failure {
        if (repoKey.name().equals("-")) {
            throw new Failure(INVALID_POLICY, "spec.imageRepositoryRef.name is empty; name the ImageRepository whose tags this policy picks from", true, null);
        }
        ImageRepository repo = with.client().resources(ImageRepository.class).inNamespace(repoKey.namespace()).withName(repoKey.name()).get();
        if (repo == null) {
            throw new Failure(Reasons.DEPENDENCY_NOT_READY, "failed to get the referred ImageRepository: ImageRepository "
                    + repoKey.namespace() + "/" + repoKey.name() + " does not exist", false, with.retry());
        }
        if (!repoKey.namespace().equals(key.namespace())) {
            Namespace ours = with.client().namespaces().withName(key.namespace()).get();
            boolean admitted = repo.getSpec() != null && repo.getSpec().getAccessFrom() != null
                    && repo.getSpec().getAccessFrom().admits(ours == null ? Map.of() : ours.getMetadata().getLabels());
            if (!admitted) {
                throw new Failure(Reasons.ACCESS_DENIED, "access denied: ImageRepository " + repoKey.namespace() + "/" + repoKey.name()
                        + " is in another namespace and its spec.accessFrom does not admit namespace " + key.namespace(), false, with.retry());
            }
        }
        return repo;
    }

    private ScannedTags tags(ObjectKey repoKey, ImageRepository repo) throws Failure {
        String revision = repo.getStatus() == null || repo.getStatus().getLastScanResult() == null ? null : repo.getStatus().getLastScanResult().getRevision();
        if (revision == null) {
            throw new Failure(Reasons.DEPENDENCY_NOT_READY, "ImageRepository " + repoKey.namespace() + "/" + repoKey.name()
                    + " has not been scanned yet" + readyOf(repo), false, null);
        }
        try {
            Optional<ScannedTags> stored = with.tags().load(repoKey);
            if (stored.isPresent() && stored.get().revision().equals(revision)) {
                return stored.get();
            }
        } catch (IOException e) {
            LOG.warnf("%s: stored tags unreadable (%s); scanning again", repoKey, e.getMessage());
        }
        // Scanned by another replica before, or this replica restarted: scan here; the scan evaluates the policies.
        with.requestScan().accept(repoKey);
        throw new Failure(Reasons.DEPENDENCY_NOT_READY, "the tags of ImageRepository " + repoKey.namespace() + "/" + repoKey.name()
                + " are being scanned again", false, null);
    }

    private static PolicySelection select(ScannedTags tags, Rules rules) throws Failure {
        try {
            return PolicySelection.select(tags.tags(), rules.filter(), rules.policy());
        } catch (PolicyException e) {
            throw new Failure(Reasons.POLICY_EVALUATION_FAILED, e.getMessage(), false, null);
        }
    }

    private static Failure noMatch(ObjectKey key, ImageRepository repo, ScannedTags tags, PolicySelection selection, Rules rules) {
        String scanned = repo.getStatus().getCanonicalImageName() + " (" + selection.scanned() + " tags scanned, checksum " + tags.revision()
                + (rules.filter() == TagFilterRule.ALL ? "" : ", " + selection.filtered() + " passed filterTags.pattern '" + rules.filter().pattern() + "'")
                + (tags.tags().isEmpty() ? "" : "; latest tags: " + String.join(", ", tags.latest().subList(0, Math.min(5, tags.latest().size())))) + ")";
        return new Failure(Reasons.POLICY_EVALUATION_FAILED, "ImagePolicy " + key.namespace() + "/" + key.name() + ": no tag of " + scanned
                + " matches " + rules.policy().describe() + "; push a matching tag or change spec.policy", false, null);
    }

    private String digest(Rules rules, ImageRepository repo, String tag, ImageRef before) throws Failure {
        switch (rules.reflection()) {
            case "Never":
                return null;
            case "IfNotPresent":
                if (before != null && tag.equals(before.getTag()) && before.getDigest() != null && !before.getDigest().isEmpty()) {
                    return before.getDigest();
                }
                break;
            default:
                break;
        }
        try {
            return with.digests().digest(repo, tag);
        } catch (IllegalStateException e) {
            throw new Failure(Reasons.FAILED, e.getMessage(), false, with.retry());
        }
    }

    /**
     * Publishes the change still to be announced for this policy (this run's, or one a failed publish left) and waits for
     * Kafka. A failure keeps it pending and retries soon; a restart that loses it is covered by the automations running
     * on their interval and on partition assignment, reading the policy's status.
     */
    private void announce(ObjectKey key, ImageRef latest, ImageRef before, boolean changed) throws Failure {
        ImagePolicyChanged pending = unannounced.get(key);
        if (pending == null || !pending.latest().equals(latest.toString())) {
            unannounced.remove(key);
            return;
        }
        try {
            with.events().publish(pending).toCompletableFuture().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            unannounced.remove(key, pending);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new Failure(Reasons.FAILED, "could not publish ImagePolicyChanged for " + latest + " to Kafka: " + e.getMessage()
                    + "; retrying", false, with.retry());
        }
        if (!changed) {
            return;
        }
        String message = before == null ? "Latest image tag for " + latest.getName() + " resolved to " + latest.getTag()
                : "Latest image tag for " + latest.getName() + " updated from " + before.getTag() + " to " + latest.getTag();
        LOG.infof("%s: %s", key, message);
        with.events().publish(new ObjectEvent(key, Severity.INFO, Reasons.SUCCEEDED, message, latest.toString(), Map.of(), Instant.now(), with.controller()));
    }

    /** Flux's Ready message: the tag (and digest), and the previous image when it differs. */
    static String readyMessage(ImageRef latest, ImageRef previous) {
        String message = "Latest image tag for " + latest.getName() + " resolved to " + latest.getTag();
        if (latest.getDigest() != null) {
            message += " with digest " + latest.getDigest();
        }
        if (previous != null && !latest.sameAs(previous)) {
            message += " (previously " + previous + ")";
        }
        return message;
    }

    private static String readyOf(ImageRepository repo) {
        return repo.getStatus() == null ? "" : Conditions.get(repo.getStatus(), ConditionTypes.READY)
                .filter(c -> Conditions.FALSE.equals(c.getStatus())).map(c -> " (its last scan failed: " + c.getMessage() + ")").orElse("");
    }

    /** The policy's spec, checked. */
    private record Rules(TagPolicy policy, TagFilterRule filter, String reflection, Duration digestInterval) {

        static Rules of(ImagePolicySpec spec, ObjectKey key) throws Failure {
            try {
                TagPolicy policy = TagPolicy.from(spec.getPolicy());
                TagFilterRule filter = TagFilterRule.from(spec.getFilterTags());
                String reflection = spec.getDigestReflectionPolicy() == null ? "Never" : spec.getDigestReflectionPolicy();
                if (!reflection.equals("Never") && !reflection.equals("IfNotPresent") && !reflection.equals("Always")) {
                    throw new IllegalArgumentException("spec.digestReflectionPolicy is '" + reflection + "'; it must be Never, IfNotPresent or Always");
                }
                if (spec.getInterval() != null && !reflection.equals("Always")) {
                    throw new IllegalArgumentException("spec.interval is only accepted when spec.digestReflectionPolicy is set to 'Always'");
                }
                Duration interval = !reflection.equals("Always") ? null : spec.getInterval() == null ? DEFAULT_DIGEST_INTERVAL
                        : FluxDuration.parse(spec.getInterval(), "spec.interval of ImagePolicy " + key.namespace() + "/" + key.name());
                return new Rules(policy, filter, reflection, interval);
            } catch (IllegalArgumentException e) {
                throw new Failure(INVALID_POLICY, "invalid policy: " + e.getMessage(), true, null);
            }
        }
    }

    /** Why the policy could not pick an image: Flux's reason, whether only a spec change helps, when to retry. */
    private static final class Failure extends Exception {
        final String reason;
        final boolean stalled;
        final Duration retryAfter;

        Failure(String reason, String message, boolean stalled, Duration retryAfter) {
            super(message);
            this.reason = reason;
            this.stalled = stalled;
            this.retryAfter = retryAfter;
        }
    }
}
