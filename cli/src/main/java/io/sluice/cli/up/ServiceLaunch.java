package io.sluice.cli.up;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one service process: what to run, its environment, where its output goes,
 * and the port whose {@code /q/health/ready} says it is ready.
 */
public record ServiceLaunch(String name, int port, List<String> command, Map<String, String> environment, Path logFile) {

    /** The variable ParentWatchdog (service-kit) reads: the service exits when this pid is gone. */
    public static final String PARENT_PID_ENV = "SLUICE_PARENT_PID";

    /**
     * Heap and JIT settings for six JVMs on a small machine: a capped heap, the serial collector (no GC threads
     * per core) and C1 only, which starts Quarkus noticeably faster and is plenty for a local pipeline.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    public ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** The settings every service gets from {@code sluice up}. */
    public record Settings(String java, String kafkaBootstrap, String kubeconfigEnv, Path workDir, Path logDir, long parentPid) {
    }

    /** {@code java <options> -D... -jar <home>/<service>/target/quarkus-app/quarkus-run.jar}. */
    public static ServiceLaunch forService(SluiceService service, int port, Path jar, Settings settings) {
        List<String> command = new ArrayList<>();
        command.add(settings.java());
        command.addAll(JVM_OPTIONS);
        command.add("-Dkafka.bootstrap.servers=" + settings.kafkaBootstrap());
        command.add("-Dquarkus.http.port=" + port);
        // Loopback only: this is a local sandbox, nothing should be reachable from the network.
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.log.console.json.enabled=false");
        // Not read by the service; it marks the process as belonging to this work dir (ps, tests).
        command.add("-Dsluice.work-dir=" + settings.workDir());
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> environment = Map.of(
                "KUBECONFIG", settings.kubeconfigEnv(),
                PARENT_PID_ENV, Long.toString(settings.parentPid()));
        return new ServiceLaunch(service.name(), port, command, environment,
                settings.logDir().resolve(service.name() + ".log"));
    }
}
