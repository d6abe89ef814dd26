package io.sluice.cli.up;

import io.sluice.api.meta.FluxKinds;
import io.sluice.cli.cluster.CrdInstaller;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The steps of {@code sluice up}, in order. Each started part is registered in {@link RunningParts}, which stops them
 * in reverse order when a later step fails or when Ctrl-C / SIGTERM arrives.
 */
public final class Up {

    private final UpOptions options;
    private final PrintStream out;

    public Up(UpOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything, prints where it is, then blocks until the JVM is asked to stop. */
    public void run() throws InterruptedException {
        long started = System.nanoTime();

        // 1. Check everything that can be checked before starting anything.
        PortCheck.requireFree(options.portClaims());
        SluiceHome home = SluiceHome.locate(options.home(), Optional.ofNullable(System.getenv(SluiceHome.ENV)),
                SluiceHome.runningJar());
        home.requireServiceJars(SluiceService.ALL);
        WorkDir workDir = WorkDir.prepare(options.workDir());
        InProcessLogs.redirectTo(workDir.cliLog());
        Progress progress = new Progress(out, workDir.cliLog());

        if (options.sandboxCluster()) {
            SandboxNotice.print(out);
        }

        RunningParts parts = new RunningParts(out);
        UpState state = new UpState(ProcessHandle.current().pid(), "127.0.0.1:" + options.kafkaPort(),
                options.kubeconfig().orElse(workDir.kubeconfig()).toAbsolutePath(), options.context());
        Thread shutdownHook = new Thread(() -> {
            out.println();
            state.delete(workDir.root());
            parts.close();
            out.println("Sluice stopped.");
        }, "sluice-up-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            // 2. Kafka, the cluster (with --kubeconfig: Sluice's CRDs installed into it), the Git server: in this JVM.
            EmbeddedKafka kafka = progress.step("Starting Kafka broker on 127.0.0.1:" + options.kafkaPort(),
                    () -> parts.add("Kafka broker", EmbeddedKafka.start(options.kafkaPort())));
            TargetCluster cluster = options.sandboxCluster()
                    ? progress.step("Starting SANDBOX Kubernetes API on 127.0.0.1:" + options.apiPort(),
                            () -> parts.add("sandbox Kubernetes API", SandboxTarget.start(options.apiPort(), workDir.kubeconfig())))
                    : progress.step("Connecting to the cluster of " + options.kubeconfig().orElseThrow(),
                            () -> parts.add("cluster client", KubeconfigTarget.open(options.kubeconfig().orElseThrow(),
                                    options.context(), workDir.root())));
            if (!options.sandboxCluster()) {
                // As 'flux install' does: the services watch these kinds and the quickstart creates them.
                progress.step("Installing Sluice's CRDs (server-side apply of " + FluxKinds.ALL.size() + " CRDs)",
                        () -> new CrdInstaller(cluster.client()).install(CrdInstaller.ESTABLISHED_WITHIN));
            }
            LocalGitServer git = progress.step("Starting Git server on 127.0.0.1:" + options.gitPort(),
                    // Anonymous pushes: the "edit, commit, push" recipe below must work without credentials.
                    () -> parts.add("Git server", LocalGitServer.builder().port(options.gitPort()).allowAnonymousPush().start()));

            // 3. The six services, as child processes, then wait until each says it is ready.
            ServiceGroup services = parts.add("services", new ServiceGroup(ServiceProcess.GRACE));
            ServiceLaunch.Settings settings = new ServiceLaunch.Settings(javaCommand(), kafka.bootstrapServers(),
                    cluster.kubeconfigEnv(), workDir.root(), workDir.logs(), ProcessHandle.current().pid());
            out.println("Starting " + SluiceService.ALL.size() + " services (logs in " + WorkDir.display(workDir.logs()) + ") ...");
            for (SluiceService service : SluiceService.ALL) {
                int port = service.port(options.servicePortsFrom());
                services.add(ServiceProcess.start(ServiceLaunch.forService(service, port, service.jar(home.root()), settings)));
            }
            new ReadinessWaiter(options.timeout()).awaitAll(services.services(), ready -> out.printf(
                    "  %-16s ready on http://127.0.0.1:%d (%.1f s)%n", ready.service().name(), ready.service().port(), ready.seconds()));

            // 4. The quickstart: a Git repository and the Flux objects that deploy it.
            QuickstartSeeder.Seeded quickstart = progress.step(
                    "Seeding the quickstart (Git repository from examples/quickstart, its GitRepository, Kustomization and Receiver)",
                    () -> new QuickstartSeeder(home.quickstart(), git, cluster.client()).seed());

            // 5. Tell the user where everything is.
            services.services().forEach(service -> warnWhenItExits(service, parts));
            List<ReadyReport.Endpoint> endpoints = services.services().stream()
                    .map(service -> new ReadyReport.Endpoint(service.name(), service.port())).toList();
            String kubeconfig = options.sandboxCluster() ? WorkDir.display(workDir.kubeconfig()) : cluster.kubeconfigEnv();
            new ReadyReport(kafka.bootstrapServers(), cluster.apiServerUrl(), options.sandboxCluster(), kubeconfig,
                    quickstart, endpoints, workDir).print(out);
            // 6. Tell 'sluice get' and 'sluice reconcile' where the cluster and the broker are.
            state.write(workDir.root());
            out.printf("Sluice is ready (%s) in %s s — press Ctrl-C to stop.%n", cluster.mode(), Progress.seconds(started));
            out.flush();
        } catch (RuntimeException | InterruptedException e) {
            parts.close();
            removeHook(shutdownHook);
            throw e;
        }
        // Ctrl-C or SIGTERM end the JVM; the shutdown hook stops everything before it exits.
        new CountDownLatch(1).await();
    }

    /** The java launcher running this CLI, so services run on the same Java. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java");
    }

    private void warnWhenItExits(ServiceProcess service, RunningParts parts) {
        service.handle().onExit().thenRun(() -> {
            if (!parts.isClosed()) {
                out.println("WARNING: " + service.name() + " exited on its own; see " + WorkDir.display(service.logFile())
                        + ". The rest keeps running; restart 'sluice up' to get it back.");
            }
        });
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; it found everything stopped.
        }
    }
}
