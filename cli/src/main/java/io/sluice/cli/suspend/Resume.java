package io.sluice.cli.suspend;

import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObject;
import io.sluice.cli.flux.FluxObjects;
import io.sluice.cli.kafka.KafkaBootstrap;
import io.sluice.cli.reconcile.RequestPublisher;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code sluice resume KIND NAME...}: {@link SuspendObjects} with {@code spec.suspend: false} and, in the same patch,
 * Flux's {@code reconcile.fluxcd.io/requestedAt} annotation (as {@code flux resume} does); then, as
 * {@code sluice reconcile} does, a {@code ReconcileRequested} on Kafka so the owning service reconciles at once, and a
 * wait for the result.
 */
@Command(exitCodeList = {
    "0:Resumed, reconciled and Ready (or resumed, with --wait=false or a kind without status).",
    "1:Not found, cluster or Kafka unreachable, not Ready after resuming, or timed out.",
    "2:Bad command line (no NAME and no --all)."})
final class Resume extends SuspendObjects {

    /** The longest wait for Kafka to take the request; a running broker answers in milliseconds. */
    private static final Duration PUBLISH_WAIT = Duration.ofSeconds(10);

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait until each object is reconciled (default: ${DEFAULT-VALUE}; --no-wait or --wait=false does not).")
    boolean wait;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long to wait for each object (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers for the reconcile request (default: the broker of the running sluice up;"
                    + " without either, the owning service reacts to the changed spec alone).")
    String kafka;

    private Instant requestedAt = Instant.now();

    Resume(FluxKind kind) {
        super(kind, false);
    }

    @Override
    void checkOptions() {
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds + ".");
        }
    }

    @Override
    String patchBody() {
        requestedAt = Instant.now();
        return "{\"metadata\":{\"annotations\":{\"" + ReconcileAnnotation.REQUESTED_AT + "\":\""
                + DateTimeFormatter.ISO_INSTANT.format(requestedAt) + "\"}},\"spec\":{\"suspend\":false}}";
    }

    @Override
    void afterPatch(FluxObjects objects, FluxObject patched, PrintWriter out) throws InterruptedException {
        if (!patched.kind().hasStatus()) {
            return;
        }
        KafkaBootstrap.known(kafka, clusterOptions.workDir()).ifPresent(bootstrap -> {
            RecordMetadata landed = new RequestPublisher(bootstrap, PUBLISH_WAIT).publish(new ReconcileRequested(
                    ObjectKey.of(patched.kind().kind(), patched.namespace(), patched.name()), requestedAt, RequestPublisher.REQUESTED_BY));
            out.println("✔ reconcile request published to " + landed.topic() + " (partition " + landed.partition() + ", offset "
                    + landed.offset() + ")");
        });
        if (!wait) {
            out.flush();
            return;
        }
        FluxObject result = new ResumeWait(objects, Duration.ofSeconds(timeoutSeconds)).await(patched, out);
        out.println("✔ " + patched.kind().kind() + " reconciliation completed");
        if (!result.revision().isEmpty()) {
            out.println("✔ " + result.kind().revisionHeader().toLowerCase(Locale.ROOT) + " " + result.revision());
        }
        out.flush();
    }
}
