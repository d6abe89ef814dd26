package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.apply.ssa.RevisionApplier;
import io.sluice.kit.metrics.StageTimer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the reconcile tests share: a handler wired as the service wires it, Kustomizations created in
 * {@value #NS}, and renderings carried inline.
 */
final class ReconcileFixtures {

    /** The namespace every test Kustomization lives in. */
    static final String NS = "flux-system";

    private ReconcileFixtures() {
    }

    /**
     * A handler with the real appliers (health polled every 100 ms, so waits end quickly), throwaway metrics
     * and a 5 minute default timeout; each event it publishes goes to {@code published} and counts as sent.
     */
    static KustomizationApplyHandler handler(KubernetesClient client, Consumer<SluiceEvent> published) {
        return new KustomizationApplyHandler(new Appliers(client, c -> new RevisionApplier(c, Duration.ofMillis(100))), event -> {
            published.accept(event);
            return CompletableFuture.completedFuture(null);
        }, new StageTimer(new SimpleMeterRegistry(), Clock.systemUTC()), new ReconcileMetrics(new SimpleMeterRegistry()),
                Duration.ofMinutes(5));
    }

    /**
     * Creates the Kustomization {@value #NS}/{@code name} of GitRepository {@code source}, path {@code ./}, the given
     * interval, then whatever {@code customize} sets.
     */
    static ObjectKey createKustomization(KubernetesClient client, String name, String source, String interval,
                                         Consumer<KustomizationSpec> customize) {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("GitRepository");
        ref.setName(source);
        KustomizationSpec spec = new KustomizationSpec();
        spec.setSourceRef(ref);
        spec.setPath("./");
        spec.setInterval(interval);
        customize.accept(spec);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        ks.setSpec(spec);
        client.resources(Kustomization.class).inNamespace(NS).resource(ks).create();
        return ObjectKey.of("Kustomization", NS, name);
    }

    /** A ConfigMap {@code default/<name>} with {@code colour: blue}: one YAML document. */
    static String configMapYaml(String name) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: default
                data:
                  colour: blue
                """.formatted(name);
    }

    /** The rendering of {@code yaml} at {@code revision}, carried inline in the event. */
    static ManifestsRendered inline(ObjectKey app, String revision, String yaml) {
        return new ManifestsRendered(app, revision, Digest.sha256(yaml.getBytes(StandardCharsets.UTF_8)), RenderedManifests.Inline.of(yaml));
    }
}
