package io.sluice.cli.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.cli.CliFailure;
import io.sluice.cli.Examples;
import io.sluice.cli.cluster.Cluster;
import io.sluice.cli.cluster.ClusterOptions;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObject;
import io.sluice.cli.flux.FluxObjects;
import io.sluice.cli.kafka.KafkaBootstrap;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice reconcile KIND NAME}: ask for a reconcile now, as {@code flux reconcile} does, and wait for it.
 * The request goes to the owning service through Kafka ({@code ReconcileRequested} on
 * {@code sluice.reconcile.requests}); the object also gets Flux's {@code reconcile.fluxcd.io/requestedAt}
 * annotation, so Flux's own controllers and tools see the same request.
 */
@Command(name = "reconcile",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Reconcile a Flux object now and wait for the result, as 'flux reconcile' does.%n"
                + "KIND NAME is one of: " + ReconcileTarget.VALID + ".%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Reconciled and Ready.",
            "1:Reconciled but not Ready, not found, suspended, cluster or Kafka unreachable, or timed out (the message says which).",
            "2:Bad command line."},
        footerHeading = Examples.HEADING,
        footer = {"  sluice reconcile source git quickstart", "  sluice reconcile ks quickstart --with-source",
            "  sluice reconcile ks apps -n team-a --timeout 300"})
public final class ReconcileCommand implements Callable<Integer> {

    /** The longest wait for Kafka to take the request; a running broker answers in milliseconds. */
    static final Duration MAX_PUBLISH_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(300);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..3", paramLabel = "KIND NAME", hideParamSyntax = true,
            description = "What to reconcile: " + ReconcileTarget.VALID + ".")
    List<String> words;

    @Option(names = {"-n", "--namespace"}, defaultValue = "flux-system", paramLabel = "NS",
            description = "Namespace of the object (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--with-source", description = "Reconcile the Kustomization's source (its GitRepository) first.")
    boolean withSource;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: the broker of the running sluice up).")
    String kafka;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long to wait for the whole reconcile (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    ClusterOptions clusterOptions;

    @Override
    public Integer call() throws InterruptedException {
        ReconcileTarget target = ReconcileTarget.parse(words).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Unknown kind '" + String.join(" ", words.subList(0, words.size() - 1)) + "'. Valid: " + ReconcileTarget.VALID + "."));
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        try (Cluster cluster = clusterOptions.connect()) {
            String bootstrap = KafkaBootstrap.required(kafka, clusterOptions.workDir());
            FluxObject object = fetch(cluster, target.kind(), namespace, target.name());
            if (withSource && target.kind() == FluxKind.KUSTOMIZATION) {
                reconcile(cluster, bootstrap, sourceOf(cluster, object), deadline, out);
            }
            reconcile(cluster, bootstrap, object, deadline, out);
            return 0;
        } catch (CliFailure e) {
            out.flush();
            err.println("✗ " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        } finally {
            out.flush();
        }
    }

    private void reconcile(Cluster cluster, String bootstrap, FluxObject object, Instant deadline, PrintWriter out)
            throws InterruptedException {
        String kind = object.kind().kind();
        if (object.suspended()) {
            throw new CliFailure(object.describe() + " is suspended (spec.suspend: true); resume it before reconciling.");
        }
        out.println("► asking for a reconcile of " + kind + " " + object.name() + " in " + object.namespace() + " namespace");
        out.flush();
        Instant requestedAt = Instant.now();
        Duration publishWait = min(Duration.between(Instant.now(), deadline), MAX_PUBLISH_WAIT);
        RecordMetadata landed = new RequestPublisher(bootstrap, publishWait).publish(new ReconcileRequested(
                ObjectKey.of(kind, object.namespace(), object.name()), requestedAt, RequestPublisher.REQUESTED_BY));
        out.println("✔ request published to " + landed.topic() + " (partition " + landed.partition() + ", offset " + landed.offset() + ")");
        annotate(cluster, object, requestedAt);
        out.println("✔ " + kind + " annotated (" + ReconcileAnnotation.REQUESTED_AT + ")");
        out.println("◎ waiting for " + kind + " reconciliation");
        out.flush();
        FluxObject result = await(cluster, object, requestedAt, deadline);
        FluxObject.Ready ready = result.ready().orElseThrow();
        if (ready.isFalse()) {
            throw new CliFailure(result.describe() + " is not Ready (" + ready.reason() + "): " + ready.message());
        }
        String verb = object.kind() == FluxKind.GIT_REPOSITORY ? "fetched revision " : "applied revision ";
        out.println("✔ " + verb + result.revision());
        out.flush();
    }

    private FluxObject await(Cluster cluster, FluxObject object, Instant requestedAt, Instant deadline) throws InterruptedException {
        while (true) {
            FluxObject current = fetch(cluster, object.kind(), object.namespace(), object.name());
            Optional<String> sourceRevision = object.kind() == FluxKind.KUSTOMIZATION ? sourceRevision(cluster, current) : Optional.empty();
            if (ReconcileWait.handled(current, requestedAt, sourceRevision)) {
                return current;
            }
            if (!Instant.now().isBefore(deadline)) {
                throw timedOut(current, requestedAt);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private CliFailure timedOut(FluxObject object, Instant requestedAt) {
        String owner = object.kind() == FluxKind.GIT_REPOSITORY ? "source-service" : "render-service and apply-service";
        String verb = object.kind() == FluxKind.GIT_REPOSITORY ? "Is " : "Are ";
        String seen = object.lastHandledReconcileAt().map(v -> "status.lastHandledReconcileAt is " + v)
                .orElse("status.lastHandledReconcileAt is not set");
        String ready = object.ready().map(r -> "Ready=" + r.status() + (r.message().isBlank() ? "" : " (" + r.message() + ")"))
                .orElse("no Ready condition");
        return new CliFailure("timed out after " + timeoutSeconds + " s waiting for " + object.describe()
                + " to be reconciled (requested at " + DateTimeFormatter.ISO_INSTANT.format(requestedAt) + "; " + seen + ", " + ready
                + "). " + verb + owner + " running? With 'sluice up', see .sluice/logs/. Raise --timeout to wait longer.");
    }

    private static FluxObject fetch(Cluster cluster, FluxKind kind, String namespace, String name) {
        return new FluxObjects(cluster).require(kind, namespace, name);
    }

    /** The artifact revision of a Kustomization's GitRepository source; empty for other sources or none yet. */
    private static Optional<String> sourceRevision(Cluster cluster, FluxObject kustomization) {
        Object ref = kustomization.resource().get("spec", "sourceRef");
        if (!(ref instanceof Map<?, ?> sourceRef) || !FluxKind.GIT_REPOSITORY.kind().equals(sourceRef.get("kind"))
                || sourceRef.get("name") == null) {
            return Optional.empty();
        }
        Object namespace = sourceRef.get("namespace");
        try {
            GenericKubernetesResource source = cluster.client().genericKubernetesResources(FluxKind.GIT_REPOSITORY.context())
                    .inNamespace(namespace == null ? kustomization.namespace() : namespace.toString())
                    .withName(sourceRef.get("name").toString()).get();
            return source == null ? Optional.empty() : Optional.of(new FluxObject(FluxKind.GIT_REPOSITORY, source).revision());
        } catch (KubernetesClientException e) {
            throw cluster.failure("read the source of " + kustomization.describe(), e);
        }
    }

    /** The Kustomization's {@code spec.sourceRef}; only GitRepository sources are reconciled by Sluice. */
    private static FluxObject sourceOf(Cluster cluster, FluxObject kustomization) {
        Object ref = kustomization.resource().get("spec", "sourceRef");
        if (!(ref instanceof Map<?, ?> sourceRef) || sourceRef.get("name") == null) {
            throw new CliFailure(kustomization.describe() + " has no spec.sourceRef.name; there is no source to reconcile.");
        }
        String kind = String.valueOf(sourceRef.get("kind"));
        if (!FluxKind.GIT_REPOSITORY.kind().equals(kind)) {
            throw new CliFailure(kustomization.describe() + " uses a " + kind + " source; --with-source reconciles GitRepository"
                    + " sources only. Run without --with-source.");
        }
        Object namespace = sourceRef.get("namespace");
        return fetch(cluster, FluxKind.GIT_REPOSITORY, namespace == null ? kustomization.namespace() : namespace.toString(),
                sourceRef.get("name").toString());
    }

    /** Flux's annotation, by JSON merge patch: only this one annotation changes. */
    private static void annotate(Cluster cluster, FluxObject object, Instant requestedAt) {
        String patch = "{\"metadata\":{\"annotations\":{\"" + ReconcileAnnotation.REQUESTED_AT + "\":\""
                + DateTimeFormatter.ISO_INSTANT.format(requestedAt) + "\"}}}";
        try {
            cluster.client().genericKubernetesResources(object.kind().context()).inNamespace(object.namespace())
                    .withName(object.name()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            throw cluster.failure("annotate " + object.describe(), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        Duration positive = a.isNegative() || a.isZero() ? Duration.ofSeconds(1) : a;
        return positive.compareTo(b) < 0 ? positive : b;
    }
}
