package io.sluice.gateway.receiver;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.notification.Receiver;
import io.sluice.api.notification.ReceiverStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings one Receiver into service: reads its Secret, serves it at its webhook path (or stops serving it), and
 * writes {@code status.webhookPath}, the Ready condition and {@code observedGeneration} through the status
 * subresource, as Flux's notification-controller does. The status is written only when it changes, so the
 * informer event caused by the write does not cause another one.
 */
@ApplicationScoped
public class ReceiverReconciler {

    private static final Logger LOG = Logger.getLogger(ReceiverReconciler.class);

    private final KubernetesClient client;
    private final ReceiverRegistry registry;
    private final Clock clock = Clock.systemUTC();

    ReceiverReconciler(KubernetesClient client, ReceiverRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    /** Reconciles {@code receiver} as it is in the informer's cache. */
    public synchronized void reconcile(Receiver receiver) {
        ObjectKey key = ObjectKey.of(Receiver.KIND, receiver.getMetadata().getNamespace(), receiver.getMetadata().getName());
        if (receiver.getMetadata().getDeletionTimestamp() != null) {
            registry.remove(key);
            return;
        }
        ReceiverEvaluation.Outcome outcome = ReceiverEvaluation.evaluate(receiver, secret(receiver).orElse(null));
        if (outcome instanceof ReceiverEvaluation.Ready ready) {
            registry.put(ready.receiver());
        } else {
            registry.remove(key);
        }
        if (receiver.getSpec() != null && Boolean.TRUE.equals(receiver.getSpec().getSuspend())) {
            // As in Flux: a suspended Receiver's status is left as it was; requests to it get 503.
            return;
        }
        writeStatus(receiver, outcome);
    }

    /** Stops serving a deleted Receiver. */
    public synchronized void forget(Receiver receiver) {
        registry.remove(ObjectKey.of(Receiver.KIND, receiver.getMetadata().getNamespace(), receiver.getMetadata().getName()));
    }

    private Optional<Secret> secret(Receiver receiver) {
        if (receiver.getSpec() == null || receiver.getSpec().getSecretRef() == null || receiver.getSpec().getSecretRef().getName() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(client.secrets().inNamespace(receiver.getMetadata().getNamespace())
                .withName(receiver.getSpec().getSecretRef().getName()).get());
    }

    private void writeStatus(Receiver receiver, ReceiverEvaluation.Outcome outcome) {
        long generation = receiver.getMetadata().getGeneration() == null ? 0 : receiver.getMetadata().getGeneration();
        ReceiverStatus current = receiver.getStatus() == null ? new ReceiverStatus() : receiver.getStatus();
        ReceiverStatus wanted = copy(current);
        Instant now = clock.instant();
        if (outcome instanceof ReceiverEvaluation.Ready ready) {
            Conditions.markTrue(wanted, generation, ConditionTypes.READY, Reasons.SUCCEEDED, ready.message(), now);
            wanted.setWebhookPath(ready.receiver().path());
        } else if (outcome instanceof ReceiverEvaluation.NotReady notReady) {
            Conditions.markFalse(wanted, generation, ConditionTypes.READY, notReady.reason(), notReady.message(), now);
            wanted.setWebhookPath(null);
        }
        wanted.setObservedGeneration(generation);
        if (sameStatus(current, wanted)) {
            return;
        }
        // A new object: the informer's cached one must not be changed by the client.
        Receiver update = new Receiver();
        update.setMetadata(new ObjectMetaBuilder(receiver.getMetadata()).build());
        update.setSpec(receiver.getSpec());
        update.setStatus(wanted);
        try {
            client.resources(Receiver.class).inNamespace(receiver.getMetadata().getNamespace()).resource(update).updateStatus();
            Condition ready = Conditions.get(wanted, ConditionTypes.READY).orElseThrow();
            // The webhook path is as good as the token for path-only types, so the log names it only as set or not.
            LOG.infof("Receiver %s/%s: Ready=%s %s%s", receiver.getMetadata().getNamespace(), receiver.getMetadata().getName(),
                    ready.getStatus(), ready.getReason(),
                    outcome instanceof ReceiverEvaluation.NotReady notReady ? ": " + notReady.message() : ", webhook path written to status");
        } catch (KubernetesClientException e) {
            // 409: the informer is about to deliver a newer version, which is reconciled in turn.
            if (e.getCode() != 409) {
                LOG.warnf("could not write the status of Receiver %s/%s (HTTP %d): %s; it is retried at the next resync",
                        receiver.getMetadata().getNamespace(), receiver.getMetadata().getName(), e.getCode(), e.getMessage());
            }
        }
    }

    private static ReceiverStatus copy(ReceiverStatus status) {
        ReceiverStatus copy = new ReceiverStatus();
        copy.setConditions(status.getConditions() == null ? null : new ArrayList<>(status.getConditions()));
        copy.setObservedGeneration(status.getObservedGeneration());
        copy.setWebhookPath(status.getWebhookPath());
        copy.setLastHandledReconcileAt(status.getLastHandledReconcileAt());
        status.getAdditionalProperties().forEach(copy::setAdditionalProperty);
        return copy;
    }

    private static boolean sameStatus(ReceiverStatus a, ReceiverStatus b) {
        Condition readyA = Conditions.get(a, ConditionTypes.READY).orElse(null);
        Condition readyB = Conditions.get(b, ConditionTypes.READY).orElse(null);
        return Objects.equals(a.getWebhookPath(), b.getWebhookPath())
                && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
                && readyA != null && readyB != null
                && Objects.equals(readyA.getStatus(), readyB.getStatus())
                && Objects.equals(readyA.getReason(), readyB.getReason())
                && Objects.equals(readyA.getMessage(), readyB.getMessage())
                && Objects.equals(readyA.getObservedGeneration(), readyB.getObservedGeneration());
    }
}
