package io.sluice.image.scan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageRepositorySpec;
import io.sluice.api.image.ImageRepositoryStatus;
import io.sluice.api.image.ScanResult;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.image.cluster.Attempts;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.cluster.StatusWriter;
import io.sluice.image.messaging.EventSink;
import io.sluice.image.registry.ImageName;
import io.sluice.image.registry.RegistryAccess;
import io.sluice.image.registry.RegistryClient;
import io.sluice.image.registry.RegistryException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Scans one ImageRepository, as Flux's image-reflector-controller does:
 * <ol>
 *   <li>skip it while {@code spec.suspend} is true (the status stays as it is);</li>
 *   <li>read {@code spec.image} (ImageURLInvalid and Stalled when it is not an image repository),
 *       {@code exclusionList} (default {@code ^.*\.sig$}), {@code interval}, {@code timeout} (default: the interval);</li>
 *   <li>read the credentials ({@code secretRef}, dockerconfigjson) and CA ({@code certSecretRef}) — AuthenticationFailed;</li>
 *   <li>list every tag over the distribution API, keeping those no exclusion pattern matches — ReadOperationFailed
 *       (AuthenticationFailed for a refused login);</li>
 *   <li>when the set of tags changed (its revision): store it, publish a {@code Succeeded} event and have the
 *       ImagePolicies of this repository evaluated; when it did not, publish nothing;</li>
 *   <li>write the status: {@code canonicalImageName}, {@code lastScanResult}, {@code observedExclusionList},
 *       Ready=True "successful scan: found N tags with checksum …", {@code observedGeneration}.</li>
 * </ol>
 * A failure leaves {@code lastScanResult} as it was, sets Ready=False with the reason and a message that says what to
 * fix, publishes an error event when the message is new, and retries with a backoff (after the registry's
 * {@code Retry-After} for a 429).
 */
public final class ImageRepositoryReconciler {

    private static final Logger LOG = Logger.getLogger(ImageRepositoryReconciler.class);
    /** Flux's default {@code exclusionList}: cosign signatures are not images. */
    public static final List<String> DEFAULT_EXCLUSIONS = List.of("^.*\\.sig$");

    /** How often, when, and how this service retries. */
    public record Settings(Duration defaultInterval, Duration retryMin, String controller) {
    }

    private final KubernetesClient client;
    private final RegistryClient registry;
    private final RegistryAccessReader accessReader;
    private final TagStore store;
    private final StatusWriter statusWriter;
    private final EventSink events;
    private final Settings settings;
    private final Consumer<ObjectKey> tagsChanged;
    private final Attempts attempts;

    /** @param tagsChanged told the key of a repository whose stored tags just changed, so its policies are evaluated */
    public ImageRepositoryReconciler(KubernetesClient client, RegistryClient registry, TagStore store, EventSink events,
                                     Settings settings, Consumer<ObjectKey> tagsChanged) {
        this.client = client;
        this.registry = registry;
        this.accessReader = new RegistryAccessReader(new Secrets(client));
        this.store = store;
        this.statusWriter = new StatusWriter(client);
        this.events = events;
        this.settings = settings;
        this.tagsChanged = tagsChanged;
        this.attempts = new Attempts(events, settings.controller(), settings.retryMin());
    }

    /** Remembers a reconcile request, so the next scan writes its time to {@code status.lastHandledReconcileAt}. */
    public void noteRequest(ObjectKey key, Instant requestedAt) {
        attempts.noteRequest(key, requestedAt);
    }

    /** The object is gone: its stored tags go too. */
    public void forget(ObjectKey key) {
        attempts.forget(key);
        try {
            store.delete(key);
        } catch (IOException e) {
            LOG.warnf("%s: could not delete its stored tags: %s", key, e.getMessage());
        }
    }

    /** Scans the repository; returns when to scan again, or null when only a change or a request should. */
    public Duration reconcile(ObjectKey key) {
        ImageRepository repo = client.resources(ImageRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (repo == null) {
            forget(key);
            return null;
        }
        ImageRepositorySpec spec = repo.getSpec() == null ? new ImageRepositorySpec() : repo.getSpec();
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            LOG.debugf("%s is suspended (spec.suspend: true); not scanning it", key);
            return null;
        }
        long generation = repo.getMetadata().getGeneration() == null ? 0 : repo.getMetadata().getGeneration();
        ImageRepositoryStatus status = repo.getStatus() == null ? new ImageRepositoryStatus() : repo.getStatus();
        Attempts.Attempt attempt = attempts.start(key, status);
        Duration interval = settings.defaultInterval();
        try {
            interval = duration(spec.getInterval(), settings.defaultInterval(), "spec.interval", key);
            Duration timeout = duration(spec.getTimeout(), interval, "spec.timeout", key);
            unsupported(spec);
            ImageName image = image(spec);
            List<String> exclusions = spec.getExclusionList() == null || spec.getExclusionList().isEmpty()
                    ? DEFAULT_EXCLUSIONS : spec.getExclusionList();
            List<Pattern> excluded = exclusions(exclusions);
            RegistryAccess access = accessReader.read(key, spec, image, timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout);

            ScannedTags scanned = scan(image, access, excluded);
            ScanResult previous = status.getLastScanResult();
            boolean changed = previous == null || !Objects.equals(previous.getRevision(), scanned.revision());
            if (changed) {
                store.save(key, scanned);
            }
            String message = "successful scan: found " + scanned.tags().size() + " tags with checksum " + scanned.revision();
            markScanned(status, generation, image, exclusions, scanned, message);
            if (!statusWriter.write(ImageRepository.class, key, status)) {
                return null;
            }
            attempt.succeeded();
            if (changed) {
                LOG.infof("%s: %s", key, message);
                events.publish(new ObjectEvent(key, Severity.INFO, Reasons.SUCCEEDED, message, scanned.revision(), Map.of(),
                        Instant.now(), settings.controller()));
                tagsChanged.accept(key);
            } else {
                LOG.debugf("%s: tags did not change (%d tags, checksum %s)", key, scanned.tags().size(), scanned.revision());
            }
            return interval;
        } catch (ScanFailure failure) {
            return failed(key, status, generation, failure, attempt, interval);
        } catch (IOException e) {
            return failed(key, status, generation, ScanFailure.of(new RegistryException(RegistryException.Failure.OTHER,
                    "storing the tags in " + e.getMessage() + " failed", e)), attempt, interval);
        }
    }

    private ScannedTags scan(ImageName image, RegistryAccess access, List<Pattern> excluded) throws ScanFailure {
        List<String> tags = new ArrayList<>();
        try {
            registry.listTags(image, access, tag -> {
                for (Pattern pattern : excluded) {
                    if (pattern.matcher(tag).find()) {
                        return;
                    }
                }
                tags.add(tag);
            });
        } catch (RegistryException e) {
            throw ScanFailure.of(e);
        }
        return ScannedTags.of(tags);
    }

    private void markScanned(ImageRepositoryStatus status, long generation, ImageName image, List<String> exclusions,
                             ScannedTags scanned, String message) {
        ScanResult result = new ScanResult();
        result.setRevision(scanned.revision());
        result.setTagCount(scanned.tags().size());
        result.setScanTime(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        List<String> latest = scanned.latest();
        result.setLatestTags(latest.isEmpty() ? null : latest);
        status.setLastScanResult(result);
        status.setCanonicalImageName(image.canonical());
        status.setObservedExclusionList(List.copyOf(exclusions));
        Conditions.delete(status, ConditionTypes.STALLED);
        Conditions.delete(status, ConditionTypes.RECONCILING);
        Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, message, Instant.now());
        status.setObservedGeneration(generation);
    }

    private Duration failed(ObjectKey key, ImageRepositoryStatus status, long generation, ScanFailure failure, Attempts.Attempt attempt,
                            Duration interval) {
        attempt.failed(generation, failure.reason(), failure.getMessage(), failure.stalled());
        if (!statusWriter.write(ImageRepository.class, key, status) || failure.stalled()) {
            return null;
        }
        return failure.retryAfter().orElseGet(() -> attempt.backoff(interval));
    }

    /** Fields Sluice models but does not act on: saying so beats scanning without them. */
    private static void unsupported(ImageRepositorySpec spec) throws ScanFailure {
        if (spec.getProvider() != null && !spec.getProvider().isBlank() && !"generic".equals(spec.getProvider())) {
            throw ScanFailure.invalidSpec(ScanFailure.AUTHENTICATION_FAILED, "spec.provider '" + spec.getProvider()
                    + "' (cloud workload identity) is not supported by Sluice yet; use provider generic with a dockerconfigjson spec.secretRef");
        }
        if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isBlank()) {
            throw ScanFailure.invalidSpec(ScanFailure.AUTHENTICATION_FAILED, "spec.serviceAccountName (image pull secrets of a ServiceAccount)"
                    + " is not supported by Sluice yet; name the dockerconfigjson Secret in spec.secretRef instead");
        }
        if (spec.getProxySecretRef() != null) {
            throw ScanFailure.invalidSpec(ScanFailure.READ_OPERATION_FAILED, "spec.proxySecretRef is not supported by Sluice yet;"
                    + " remove it to reach the registry directly");
        }
    }

    private static ImageName image(ImageRepositorySpec spec) throws ScanFailure {
        try {
            return ImageName.parse(spec.getImage());
        } catch (IllegalArgumentException e) {
            throw ScanFailure.invalidSpec(ScanFailure.IMAGE_URL_INVALID, e.getMessage());
        }
    }

    private static List<Pattern> exclusions(List<String> expressions) throws ScanFailure {
        List<Pattern> patterns = new ArrayList<>();
        for (String expression : expressions) {
            try {
                patterns.add(GoRegex.compile(expression, "spec.exclusionList entry"));
            } catch (IllegalArgumentException e) {
                throw ScanFailure.invalidSpec(ScanFailure.READ_OPERATION_FAILED, e.getMessage());
            }
        }
        return patterns;
    }

    private static Duration duration(String text, Duration fallback, String field, ObjectKey key) throws ScanFailure {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Duration value = FluxDuration.parse(text, field + " of ImageRepository " + key.namespace() + "/" + key.name());
            return value.isZero() || value.isNegative() ? fallback : value;
        } catch (IllegalArgumentException e) {
            throw ScanFailure.invalidSpec("InvalidSpec", e.getMessage());
        }
    }
}
