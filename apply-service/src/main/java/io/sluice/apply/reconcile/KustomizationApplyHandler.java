package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.kustomize.ResourceInventory;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.NamespacedObjectKindReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.apply.apply.ApplyException;
import io.sluice.apply.apply.ApplyOptions;
import io.sluice.apply.apply.Inventory;
import io.sluice.apply.apply.Manifests;
import io.sluice.apply.apply.ObjectRef;
import io.sluice.apply.apply.RevisionApplier;
import io.sluice.kit.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * ManifestsRendered → the cluster. For the Kustomization named by the event: missing → ignored; suspended →
 * skipped; same revision and digest as last applied → skipped (re-delivery); otherwise the YAML is obtained
 * (inline or claim check), parsed and applied with {@link RevisionApplier} using the spec's prune, wait,
 * healthChecks, timeout and force. The outcome goes into the status (Flux's conditions), onto
 * {@code apply.result} (ApplyCompleted, when anything was written) and onto {@code events} (ObjectEvent).
 * Blocking (API calls, health waits): call it from a worker thread.
 */
@ApplicationScoped
public class KustomizationApplyHandler {

    private static final Logger LOG = Logger.getLogger(KustomizationApplyHandler.class);
    static final String CONTROLLER = "apply-service";
    /** Flux's default interval when a Kustomization gives neither timeout nor interval. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** Where events go: the kit's EventPublisher in the service, a list in tests. */
    interface EventSink {
        CompletionStage<Void> publish(SluiceEvent event);
    }

    private final KubernetesClient client;
    private final EventSink publisher;
    private final RevisionApplier applier;
    private final RenderedYaml renderedYaml = new RenderedYaml();
    private final AppliedRenderings applied = new AppliedRenderings();
    private final ApplyStatusWriter statusWriter;

    @Inject
    KustomizationApplyHandler(KubernetesClient client, EventPublisher publisher) {
        this(client, publisher::publish, new RevisionApplier(client));
    }

    KustomizationApplyHandler(KubernetesClient client, EventSink publisher, RevisionApplier applier) {
        this.client = client;
        this.publisher = publisher;
        this.applier = applier;
        this.statusWriter = new ApplyStatusWriter(client);
    }

    public void onManifests(ManifestsRendered event) {
        ObjectKey key = event.app();
        if (!Kustomization.KIND.equals(key.kind())) {
            LOG.debugf("%s: not a Kustomization, not applied by this handler", key);
            return;
        }
        Kustomization ks = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (ks == null) {
            LOG.infof("%s: rendered manifests received but the Kustomization does not exist (deleted?); ignored", key);
            return;
        }
        KustomizationSpec spec = ks.getSpec() == null ? new KustomizationSpec() : ks.getSpec();
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            LOG.infof("%s: suspended, revision %s not applied", key, event.sourceRevision());
            return;
        }
        KustomizationStatus status = ks.getStatus() == null ? new KustomizationStatus() : ks.getStatus();
        String revision = event.sourceRevision();
        if (applied.alreadyApplied(key, status.getLastAppliedRevision(), revision, event.digest())) {
            LOG.debugf("%s: %s (%s) already applied, skipped", key, revision, event.digest());
            return;
        }

        Instant started = Instant.now();
        List<GenericKubernetesResource> objects;
        Duration timeout;
        try {
            timeout = timeout(spec, key);
            objects = Manifests.parse(renderedYaml.yaml(event.manifests()));
        } catch (RenderedYaml.ManifestsUnavailableException e) {
            // claim check unreachable, gone or not matching its digest: nothing was applied
            fail(key, revision, null, Reasons.ARTIFACT_FAILED, e.getMessage());
            return;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // unparsable YAML, a document that is no object, a bad spec.timeout: nothing was applied
            fail(key, revision, null, Reasons.BUILD_FAILED, e.getMessage());
            return;
        }

        RevisionApplier.Result result;
        try {
            result = applier.apply(new RevisionApplier.Request(objects, revision, status.getLastAppliedRevision(),
                    Inventory.from(status.getInventory()), Boolean.TRUE.equals(spec.getPrune()),
                    Boolean.TRUE.equals(spec.getWait()), healthChecks(spec, key), timeout,
                    ApplyOptions.forKustomization(key.namespace(), key.name()).withForce(Boolean.TRUE.equals(spec.getForce()))));
        } catch (ApplyException e) {
            // Flux's reason for a dry-run or apply failure; the message names each refused object
            fail(key, revision, null, Reasons.RECONCILIATION_FAILED, e.getMessage());
            return;
        }

        Duration took = Duration.between(started, Instant.now());
        publish(new ApplyCompleted(key, revision, result.changeSet().entries(), result.health(), took));
        if (!result.healthy()) {
            // the objects were written (so the inventory is the new one), but the revision is not healthy
            fail(key, revision, result.inventory().toResourceInventory(), Reasons.HEALTH_CHECK_FAILED,
                    String.format(Locale.ROOT, "Health check failed after %.1fs: ", took.toMillis() / 1000.0) + result.health().message());
            return;
        }
        statusWriter.markApplied(key, revision, result.inventory().toResourceInventory(), Instant.now());
        applied.applied(key, event.digest());
        String summary = summary(result.changeSet().entries());
        String message = result.drift().detected() ? result.drift().message() : summary;
        LOG.infof("%s: applied %s: %s", key, revision, summary);
        publish(new ObjectEvent(key, Severity.INFO, Reasons.RECONCILIATION_SUCCEEDED, message, revision,
                Map.of(), Instant.now(), CONTROLLER));
    }

    private void fail(ObjectKey key, String revision, ResourceInventory inventory, String reason, String message) {
        message = message == null || message.isBlank() ? reason + " (no details given)" : message;
        LOG.warnf("%s: %s at %s: %s", key, reason, revision, message);
        Instant now = Instant.now();
        statusWriter.markFailed(key, revision, inventory, reason, message, now);
        publish(new ObjectEvent(key, Severity.ERROR, reason, message, revision, Map.of(), now, CONTROLLER));
    }

    private void publish(SluiceEvent event) {
        publisher.publish(event).toCompletableFuture().join();
    }

    /** Flux: spec.timeout, defaulting to spec.interval. */
    private static Duration timeout(KustomizationSpec spec, ObjectKey key) {
        if (spec.getTimeout() != null) {
            return FluxDuration.parse(spec.getTimeout(), key + " spec.timeout");
        }
        if (spec.getInterval() != null) {
            return FluxDuration.parse(spec.getInterval(), key + " spec.interval");
        }
        return DEFAULT_TIMEOUT;
    }

    /** spec.healthChecks as object references; a reference without namespace means the Kustomization's namespace. */
    private static List<ObjectRef> healthChecks(KustomizationSpec spec, ObjectKey key) {
        List<ObjectRef> refs = new ArrayList<>();
        if (spec.getHealthChecks() != null) {
            for (NamespacedObjectKindReference check : spec.getHealthChecks()) {
                String namespace = check.getNamespace() == null ? key.namespace() : check.getNamespace();
                refs.add(new ObjectRef(check.getApiVersion(), check.getKind(), namespace, check.getName()));
            }
        }
        return refs;
    }

    /** "Namespace/apps created, ConfigMap/apps/settings deleted", or "no changes" when everything was unchanged. */
    static String summary(List<ChangeSetEntry> entries) {
        String changed = entries.stream().filter(e -> e.action() != ChangeAction.UNCHANGED)
                .map(e -> e.objectName() + " " + e.action().json())
                .collect(Collectors.joining(", "));
        return changed.isEmpty() ? "no changes (" + entries.size() + " objects unchanged)" : changed;
    }
}
