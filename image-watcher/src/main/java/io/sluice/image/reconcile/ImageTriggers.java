package io.sluice.image.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.cluster.ObjectWatcher;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.config.ImageConfig;
import io.sluice.image.policy.ImagePolicyReconciler;
import io.sluice.image.registry.ImageName;
import io.sluice.image.registry.RegistryClient;
import io.sluice.image.scan.ImageRepositoryReconciler;
import io.sluice.image.scan.ManifestDigests;
import io.sluice.image.scan.TagStore;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.kit.reconcile.ReconcileScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything that makes an ImageRepository scan or an ImagePolicy evaluate, in one place:
 * <ul>
 *   <li>an ImageRepository created, its spec or {@code reconcile.fluxcd.io/requestedAt} changed: scanned now by the
 *       replica that owns it ({@link PartitionOwnership}); then again every {@code spec.interval}, only there;</li>
 *   <li>{@code ImagePushed} from the gateway's registry receivers: every ImageRepository of that image is scanned
 *       now, by its owner (a {@code ReconcileRequested} is forwarded when this replica is not the owner);</li>
 *   <li>{@code ReconcileRequested} for an ImageRepository or ImagePolicy ({@code sluice reconcile}, a Receiver);</li>
 *   <li>a scan that found a different set of tags: the ImagePolicies of that repository are evaluated;</li>
 *   <li>an ImagePolicy created or changed: evaluated by the owner of its ImageRepository, from the stored tags;</li>
 *   <li>partitions newly assigned to this replica: every repository (and its policies) that falls in them.</li>
 * </ul>
 */
@ApplicationScoped
public class ImageTriggers {

    private static final Logger LOG = Logger.getLogger(ImageTriggers.class);

    private final PartitionOwnership ownership;
    private final EventPublisher publisher;
    private final ObjectWatcher<ImageRepository> repositories;
    private final ObjectWatcher<ImagePolicy> policies;
    private final ImageRepositoryReconciler scanner;
    private final ImagePolicyReconciler evaluator;
    private final ReconcileScheduler scans;
    private final ReconcileScheduler evaluations;
    /** The instant of the last push that made this replica scan a repository: the gateway's twin request carries it too. */
    private final Map<ObjectKey, Instant> pushTriggered = new ConcurrentHashMap<>();

    ImageTriggers(KubernetesClient client, ImageConfig config, ServiceConfig service, PartitionOwnership ownership,
                  EventPublisher publisher, StageTimer stageTimer) {
        this.ownership = ownership;
        this.publisher = publisher;
        this.repositories = new ObjectWatcher<>(client, ImageRepository.class, ImageRepository.KIND);
        this.policies = new ObjectWatcher<>(client, ImagePolicy.class, ImagePolicy.KIND);
        RegistryClient registry = new RegistryClient(config.registry().pageSize());
        TagStore tags = new TagStore(config.storage().path());
        this.scanner = new ImageRepositoryReconciler(client, registry, tags, publisher::publish,
                new ImageRepositoryReconciler.Settings(config.reconcile().defaultInterval(), config.reconcile().retryMin(), service.name()),
                this::tagsChanged);
        this.evaluator = new ImagePolicyReconciler(new ImagePolicyReconciler.Collaborators(client, tags,
                new ManifestDigests(registry, new Secrets(client)), publisher::publish, ownership::owns, this::scanIfOwned,
                service.name(), config.reconcile().defaultInterval()));
        this.scans = new ReconcileScheduler(config.reconcile().workers(), key -> stageTimer.time("scan", () -> scanner.reconcile(key)), ownership::owns);
        this.evaluations = new ReconcileScheduler(config.reconcile().workers(), evaluator::reconcile, this::ownsPolicy);
    }

    void start(@Observes StartupEvent ignored) {
        repositories.start(repo -> scanIfOwned(repositories.key(repo)), repo -> {
            ObjectKey key = repositories.key(repo);
            scans.forget(key);
            pushTriggered.remove(key);
            scanner.forget(key);
        });
        policies.start(policy -> {
            ObjectKey key = policies.key(policy);
            if (ownership.owns(ImagePolicyReconciler.repositoryOf(policy))) {
                evaluations.requestNow(key);
            }
        }, policy -> evaluations.forget(policies.key(policy)));
    }

    void stop(@Observes ShutdownEvent ignored) {
        repositories.stop();
        policies.stop();
        scans.close();
        evaluations.close();
    }

    /** Scans every ImageRepository of the pushed image now; returns how many there are. */
    public int imagePushed(ImagePushed push) {
        int matched = 0;
        for (ImageRepository repo : repositories.all()) {
            if (!push.subject().equals(canonicalOrNull(repo))) {
                continue;
            }
            matched++;
            ObjectKey key = repositories.key(repo);
            if (ownership.owns(key)) {
                pushTriggered.put(key, push.receivedAt());
                scans.requestNow(key);
            } else {
                forward(key, "push of " + push.imageRef());
            }
        }
        LOG.debugf("Push of %s matched %d ImageRepository object(s)", push.imageRef(), matched);
        return matched;
    }

    /** A reconcile request for an image kind; other kinds are another service's. */
    public void reconcileRequested(ReconcileRequested request) {
        ObjectKey key = request.object();
        if (ImageRepository.KIND.equals(key.kind())) {
            scanner.noteRequest(key, request.requestedAt());
            if (request.requestedAt().equals(pushTriggered.remove(key))) {
                return; // the gateway's twin of a push already being scanned
            }
            scans.requestNow(key);
        } else if (ImagePolicy.KIND.equals(key.kind())) {
            evaluator.noteRequest(key, request.requestedAt());
            ObjectKey repo = policies.get(key).map(ImagePolicyReconciler::repositoryOf).orElse(null);
            if (repo == null || ownership.owns(repo)) {
                evaluations.requestNow(key);
            } else {
                forward(repo, "reconcile request for " + key);
            }
        }
    }

    void onAssigned(@Observes PartitionOwnership.PartitionsAssigned assigned) {
        for (ImageRepository repo : repositories.all()) {
            scanIfOwned(repositories.key(repo));
        }
        for (ImagePolicy policy : policies.all()) {
            if (ownership.owns(ImagePolicyReconciler.repositoryOf(policy))) {
                evaluations.requestNow(policies.key(policy));
            }
        }
    }

    private void tagsChanged(ObjectKey repository) {
        for (ImagePolicy policy : policies.all()) {
            if (repository.equals(ImagePolicyReconciler.repositoryOf(policy))) {
                evaluations.requestNow(policies.key(policy));
            }
        }
    }

    private void scanIfOwned(ObjectKey repository) {
        if (ownership.owns(repository)) {
            scans.requestNow(repository);
        }
    }

    private boolean ownsPolicy(ObjectKey policy) {
        return policies.get(policy).map(p -> ownership.owns(ImagePolicyReconciler.repositoryOf(p))).orElse(false);
    }

    /** The owner does it: one hop through Kafka keeps "one replica per object". */
    private void forward(ObjectKey key, String why) {
        publisher.publish(new ReconcileRequested(key, Instant.now(), "image-watcher (" + why + ")")).whenComplete((done, error) -> {
            if (error != null) {
                LOG.warnf("Could not hand the %s to the replica owning %s: %s; it will scan on its interval", why, key, error.getMessage());
            }
        });
    }

    private static String canonicalOrNull(ImageRepository repo) {
        try {
            return repo.getSpec() == null ? null : ImageName.parse(repo.getSpec().getImage()).canonical();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
