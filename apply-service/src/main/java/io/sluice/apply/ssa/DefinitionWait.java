package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits, after the definitions stage is written, until its objects can be used by the stages after it
 * ({@link DefinitionReadiness}: CRDs Established, Namespaces there and not terminating), as Flux's
 * {@code ApplyAllStaged} does before the rest. Polls every 100 ms up to {@link ApplyOptions#waitTimeout()}.
 */
final class DefinitionWait {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KubernetesClient client;

    DefinitionWait(KubernetesClient client) {
        this.client = client;
    }

    /** Whether a definition, as read, is ready already (no wait, no further request). */
    boolean ready(GenericKubernetesResource live) {
        return DefinitionReadiness.notReadyReason(client, live) == null;
    }

    /**
     * Returns once every definition is ready.
     *
     * @param soFar what was written before, for the failure
     * @throws ApplyException phase {@link ApplyException.Phase#WAIT}, naming each definition not ready and why, when
     *                        {@code timeout} passed
     */
    void await(List<ObjectRef> definitions, Duration timeout, ChangeSet soFar) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ObjectRef> waiting = definitions;
        while (true) {
            List<ApplyException.Failure> notReady = new ArrayList<>();
            for (ObjectRef definition : waiting) {
                String reason = DefinitionReadiness.notReadyReason(client, Resources.live(client, definition));
                if (reason != null) {
                    notReady.add(new ApplyException.Failure(definition, reason));
                }
            }
            if (notReady.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ApplyException(ApplyException.Phase.WAIT, notReady, soFar);
            }
            waiting = notReady.stream().map(ApplyException.Failure::object).toList();
            Resources.pause(POLL, "definitions to be ready");
        }
    }

}
