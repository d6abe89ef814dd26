package io.sluice.cli.up;

import io.sluice.cli.Examples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice up}: the whole pipeline on this machine, until Ctrl-C. */
@Command(name = "up",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Run the whole pipeline locally: a Kafka broker, a SANDBOX Kubernetes API (or your cluster with"
                + " --kubeconfig), a Git server holding the quickstart, and the six services; then apply the quickstart's"
                + " GitRepository and Kustomization. Runs until Ctrl-C, then stops everything it started.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "1:Could not start: a port is busy, a service failed, a jar is missing (the message says which).",
            "2:Bad command line.",
            "130:Stopped with Ctrl-C (SIGINT) after everything was shut down.",
            "143:Stopped with SIGTERM after everything was shut down."},
        footerHeading = Examples.HEADING,
        footer = {"  sluice up", "  sluice up --fresh", "  sluice up --kubeconfig ~/.kube/config --context kind-dev",
            "  sluice up --service-ports-from 9081 --work-dir /tmp/sluice"})
public final class UpCommand implements Callable<Integer> {

    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--work-dir", defaultValue = ".sluice", paramLabel = "DIR",
            description = "Where the kubeconfig and logs go (default: ${DEFAULT-VALUE} in the current directory).")
    Path workDir;

    @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--api-port", defaultValue = "6443", paramLabel = "PORT",
            description = "Sandbox Kubernetes API server port (default: ${DEFAULT-VALUE}); unused with --kubeconfig.")
    int apiPort;

    @Option(names = "--git-port", defaultValue = "8090", paramLabel = "PORT", description = "Git server port (default: ${DEFAULT-VALUE}).")
    int gitPort;

    @Option(names = "--service-ports-from", defaultValue = "8081", paramLabel = "PORT",
            description = "First service port; the six services use PORT..PORT+5 (default: ${DEFAULT-VALUE}).")
    int servicePortsFrom;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Use the cluster of this kubeconfig instead of the sandbox API.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Context of --kubeconfig to use (default: its current-context).")
    String context;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long the services get to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--fresh",
            description = "Start the quickstart from scratch: a new Git repository from examples/quickstart instead of the one kept"
                    + " in the work dir from the last run (the services' caches in the work dir go too).")
    boolean fresh;

    @Option(names = "--registry", paramLabel = "HOST[:PORT]",
            description = "An OCI registry (plain HTTP) holding podinfo images: the quickstart then also scans HOST[:PORT]/podinfo"
                    + " and commits each newer semver tag to its deploy/deployment.yaml (examples/quickstart/images/).")
    String registry;

    @Option(names = "--home", paramLabel = "DIR",
            description = "The Sluice checkout holding the services' jars and examples/ (default: $SLUICE_HOME, or where this jar was built).")
    Path home;

    @Override
    public Integer call() throws InterruptedException {
        UpOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        try {
            new Up(options, System.out).run();
            return 0;
        } catch (UpFailedException e) {
            err.println();
            err.println("sluice up failed: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    /** {@code --registry} as given, refused with a clear message when it is a URL or has a path. */
    private Optional<String> registry() {
        if (registry == null) {
            return Optional.empty();
        }
        if (!registry.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            throw new ParameterException(spec.commandLine(), "--registry takes HOST or HOST:PORT (e.g. 127.0.0.1:5000), not '"
                    + registry + "': no scheme, no path.");
        }
        return Optional.of(registry);
    }

    UpOptions options() {
        if (context != null && kubeconfig == null) {
            throw new ParameterException(spec.commandLine(), "--context needs --kubeconfig FILE: it names a context in that file.");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds + ".");
        }
        return new UpOptions(workDir, kafkaPort, apiPort, gitPort, servicePortsFrom,
                Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
                Duration.ofSeconds(timeoutSeconds), Optional.ofNullable(home), fresh, registry());
    }
}
