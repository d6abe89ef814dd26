package io.sluice.cli.e2e;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.cli.cluster.CrdInstaller;
import io.sluice.cli.up.InProcessLogs;
import io.sluice.cli.up.KubeconfigTarget;
import io.sluice.cli.up.ReadinessWaiter;
import io.sluice.cli.up.ServiceGroup;
import io.sluice.cli.up.ServiceLaunch;
import io.sluice.cli.up.ServiceProcess;
import io.sluice.cli.up.SluiceService;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole pipeline as {@code sluice up} runs it, for tests: the sandbox's Kafka broker, Kubernetes API and Git
 * server in this JVM, and the six real services ({@code <service>/target/quarkus-app/quarkus-run.jar}) as child
 * processes started with the CLI's own launch classes. {@link #close()} stops all of it, services first, even when
 * start-up failed half way.
 *
 * <p>With {@code -Dsluice.test.kubeconfig=FILE} (and optionally {@code -Dsluice.test.context=NAME}) the services and
 * the test work against that cluster instead of the sandbox API, as {@code sluice up --kubeconfig} does: Sluice's CRDs
 * are installed first and {@code flux-system} is created when missing. The sandbox is reached through the kubeconfig it
 * writes, the same path.
 */
final class Pipeline implements AutoCloseable {

    static final String KUBECONFIG_PROPERTY = "sluice.test.kubeconfig";
    static final String CONTEXT_PROPERTY = "sluice.test.context";

    /** How long a service gets after SIGTERM before it is killed, at the end of a test. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Start-up of six JVMs on a busy 2-core machine; ~30 s when it is quiet. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(150);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final EmbeddedKafka kafka;
    private final boolean realCluster;
    private final Path kubeconfig;
    private final Optional<String> context;
    private final KubeconfigTarget cluster;
    private final LocalGitServer git;
    private final ServiceGroup services;

    private Pipeline(Path workDir) throws InterruptedException {
        // The broker, the API server and the Git server log a lot at INFO; keep it out of the build output.
        InProcessLogs.useJavaUtilLogging();
        InProcessLogs.redirectTo(workDir.resolve("sandbox.log"));
        try {
            kafka = remember(EmbeddedKafka.start());
            String given = System.getProperty(KUBECONFIG_PROPERTY, "");
            realCluster = !given.isBlank();
            if (realCluster) {
                kubeconfig = Path.of(given).toAbsolutePath();
                context = Optional.ofNullable(System.getProperty(CONTEXT_PROPERTY)).filter(c -> !c.isBlank());
            } else {
                kubeconfig = remember(SandboxCluster.start()).writeKubeconfig(workDir.resolve("kubeconfig"));
                context = Optional.empty();
            }
            // the test reaches the cluster the way the services do: through the kubeconfig
            cluster = remember(KubeconfigTarget.open(kubeconfig, context, workDir));
            if (realCluster) {
                // what 'sluice up --kubeconfig' does first; and the namespace the Flux objects live in
                new CrdInstaller(cluster.client()).install(CrdInstaller.ESTABLISHED_WITHIN);
                if (cluster.client().namespaces().withName(E2eRepository.FLUX_NAMESPACE).get() == null) {
                    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata()
                            .withName(E2eRepository.FLUX_NAMESPACE).endMetadata().build()).create();
                }
            }
            git = remember(LocalGitServer.builder().allowAnonymousPush().start());
            // Before the services, so that it is removed only after they stopped (parts stop in reverse order).
            Path home = remember(AppSnapshot.of(home(), SluiceService.ALL, workDir.resolve("apps"))).home();
            services = remember(new ServiceGroup(GRACE));
            ServiceLaunch.Settings settings = new ServiceLaunch.Settings(javaCommand(), kafka.bootstrapServers(),
                    cluster.kubeconfigEnv(), workDir, workDir.resolve("logs"), ProcessHandle.current().pid());
            List<Integer> ports = FreePorts.take(SluiceService.ALL.size());
            for (int i = 0; i < SluiceService.ALL.size(); i++) {
                SluiceService service = SluiceService.ALL.get(i);
                services.add(ServiceProcess.start(ServiceLaunch.forService(service, ports.get(i), service.jar(home), settings)));
            }
            new ReadinessWaiter(READY_WITHIN).awaitAll(services.services(), ready -> { });
        } catch (RuntimeException | InterruptedException | Error e) {
            close();
            throw e;
        }
    }

    /** Starts everything and waits until the six services answer ready; fails naming a service that did not. */
    static Pipeline start(Path workDir) throws InterruptedException {
        return new Pipeline(workDir);
    }

    /** The repository root; the services must have been built there ({@code ./mvnw install -DskipTests}). */
    static Path home() {
        Path home = Path.of(System.getProperty("sluice.home", "..")).toAbsolutePath().normalize();
        List<Path> missing = SluiceService.ALL.stream().map(s -> s.jar(home)).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The services are not built: " + missing + ". Build them first: './mvnw -o -pl "
                    + SluiceService.ALL.stream().map(SluiceService::name).collect(Collectors.joining(","))
                    + " install -DskipTests' at " + home);
        }
        return home;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    KubernetesClient client() {
        return cluster.client();
    }

    /** True with {@code -Dsluice.test.kubeconfig}: a cluster that outlives the test, which cleans up after itself. */
    boolean realCluster() {
        return realCluster;
    }

    /** {@code --kubeconfig FILE [--context NAME]}: how a CLI command reaches this cluster. */
    List<String> kubeconfigOptions() {
        List<String> options = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
        context.ifPresent(name -> options.addAll(List.of("--context", name)));
        return options;
    }

    LocalGitServer git() {
        return git;
    }

    ServiceProcess service(String name) {
        return services.service(name);
    }

    List<ServiceProcess> services() {
        return services.services();
    }

    String url(String service, String path) {
        return "http://127.0.0.1:" + service(service).port() + path;
    }

    /** Starts a killed service again and waits until it answers ready. */
    ServiceProcess restart(String name) throws InterruptedException {
        ServiceProcess restarted = services.restart(name);
        new ReadinessWaiter(READY_WITHIN).awaitAll(List.of(restarted), ready -> { });
        return restarted;
    }

    /** The end of every service's log, for failure messages. */
    String logTails(int lines) {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess service : services.services()) {
            text.append("\n--- last ").append(lines).append(" lines of ").append(service.logFile())
                    .append(service.isAlive() ? "" : " (exited with " + service.exitValue() + ")").append(" ---\n");
            service.lastLogLines(lines).forEach(line -> text.append("  | ").append(line).append('\n'));
        }
        return text.toString();
    }

    /** Stops the services (SIGTERM, then SIGKILL after the grace), then the Git server, the cluster and Kafka. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // Keep going: one part failing to stop must not leave the others running.
                if (failure == null) {
                    failure = new IllegalStateException("Could not stop every part of the pipeline", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
