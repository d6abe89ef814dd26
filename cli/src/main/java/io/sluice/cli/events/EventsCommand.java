package io.sluice.cli.events;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.cli.CliFailure;
import io.sluice.cli.Examples;
import io.sluice.cli.cluster.Cluster;
import io.sluice.cli.cluster.ClusterOptions;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObjects;
import io.sluice.cli.kafka.KafkaBootstrap;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.InterruptException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice events}: what the services reported about Flux objects (reconciled, failed, pruned, ...), as
 * {@code flux events} shows it. Flux reads Kubernetes Events; Sluice's services publish the same events
 * ({@link ObjectEvent}: reason, message, severity, involved object) on Kafka, where they are kept seven days, so this
 * reads them there ({@link EventLog}).
 */
@Command(name = "events", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show the events the services reported about Flux objects, as 'flux events' does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Listed (also when there is none); --watch: stopped with Ctrl-C.",
            "1:Kafka unreachable or without the events topic; the --for object not found or its cluster unreachable.",
            "2:Bad command line (--for not KIND/NAME, or an unknown KIND: the valid ones are listed)."},
        footerHeading = Examples.HEADING,
        footer = {"  sluice events", "  sluice events -A", "  sluice events --for Kustomization/quickstart",
            "  sluice events --for GitRepository/quickstart --watch"})
public final class EventsCommand implements Callable<Integer> {

    /** The longest wait for the broker's answers; a running broker answers in milliseconds. */
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--for", paramLabel = "KIND/NAME", description = "Only the events of this object, e.g. Kustomization/podinfo.")
    String forObject;

    @Option(names = {"-n", "--namespace"}, defaultValue = "flux-system", paramLabel = "NS",
            description = "Namespace of the objects (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace; adds a NAMESPACE column.")
    boolean allNamespaces;

    @Option(names = {"-w", "--watch"}, description = "After the list, print new events as they come, until Ctrl-C.")
    boolean watch;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: the broker of the running sluice up).")
    String kafka;

    @Mixin
    ClusterOptions clusterOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EventSelection selection = selection();
            String bootstrap = KafkaBootstrap.required(kafka, clusterOptions.workDir());
            KafkaBootstrap.requireReachable(bootstrap, KAFKA_WAIT);
            EventRows rows = new EventRows(allNamespaces && forObject == null);
            try (EventLog log = new EventLog(bootstrap, KAFKA_WAIT)) {
                List<ObjectEvent> events = log.readToEnd().stream().filter(selection::matches).toList();
                if (events.isEmpty()) {
                    err.println("no events found " + selection.where());
                } else {
                    rows.table(events, Instant.now()).print(out);
                }
                if (log.skipped() > 0) {
                    err.println("(skipped " + log.skipped() + " record(s) on " + EventLog.TOPIC + " that are not ObjectEvents)");
                }
                out.flush();
                err.flush();
                if (watch) {
                    follow(log, selection, rows, out);
                }
            }
            return 0;
        } catch (CliFailure e) {
            out.flush();
            err.println("✗ " + e.getMessage());
            err.flush();
            return CliFailure.EXIT_CODE;
        }
    }

    /**
     * {@code --for KIND/NAME} checked: an unknown kind is a usage error; the object must exist in the cluster (as for
     * {@code flux events --for}), so a typo in the name is not mistaken for "no events".
     */
    private EventSelection selection() {
        if (forObject == null) {
            return new EventSelection(allNamespaces ? Optional.empty() : Optional.of(namespace), Optional.empty());
        }
        FluxKind kind = EventSelection.kindOf(forObject).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--for takes KIND/NAME with KIND one of " + EventSelection.VALID_KINDS + "; got '" + forObject + "'."));
        String name = EventSelection.nameOf(forObject);
        try (Cluster cluster = clusterOptions.connect()) {
            new FluxObjects(cluster).require(kind, namespace, name);
        }
        return new EventSelection(Optional.of(namespace), Optional.of(ObjectKey.of(kind.kind(), namespace, name)));
    }

    /** New events, one line each as they come, until the thread is interrupted (Ctrl-C ends the JVM anyway). */
    private static void follow(EventLog log, EventSelection selection, EventRows rows, PrintWriter out) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ObjectEvent event : log.next(Duration.ofMillis(500))) {
                    if (selection.matches(event)) {
                        out.println(String.join("   ", rows.row(event, Instant.now())));
                        out.flush();
                    }
                }
            }
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }
}
