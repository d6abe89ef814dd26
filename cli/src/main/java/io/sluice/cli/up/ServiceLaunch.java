package io.sluice.cli.up;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one service process: what to run, its environment, where its output goes,
 * the port whose {@code /q/health/ready} says it is ready, and the directory it runs in (where relative paths in
 * its configuration, such as source-service's {@code data/artifacts}, end up).
 */
public record ServiceLaunch(String name, int port, List<String> command, Map<String, String> environment, Path logFile,
                            Path directory) {

    /** The variable ParentWatchdog (service-kit) reads: the service exits when this pid is gone. */
    public static final String PARENT_PID_ENV = "SLUICE_PARENT_PID";

    /**
     * Heap and JIT settings for six JVMs on a small machine: a capped heap, the serial collector (no GC threads
     * per core) and C1 only, which starts Quarkus noticeably faster and is plenty for a local pipeline.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Kafka client settings for every service (the {@code kafka.} prefix reaches all of a Quarkus service's Kafka
     * clients):
     * <ul>
     *   <li>{@code session.timeout.ms=10000}, {@code heartbeat.interval.ms=1000}: a service that dies without
     *       leaving its consumer group (SIGKILL, a crash, OOM) keeps its partitions until its session times out;
     *       Kafka's default of 45 s would leave a restarted service idle that long. 10 s is still far above any
     *       pause a local JVM takes.</li>
     *   <li>{@code linger.ms=0}: send each event at once instead of waiting up to 5 ms (the producer default since
     *       Kafka 4.0) for a batch that never fills: events are small and one push makes one per hop. Measured on
     *       the push-latency benchmark: Kafka hand-offs about a third shorter (cli/.../e2e/PushLatencyBenchmark).</li>
     * </ul>
     */
    public static final List<String> KAFKA_OPTIONS = List.of(
            "-Dkafka.session.timeout.ms=10000", "-Dkafka.heartbeat.interval.ms=1000", "-Dkafka.linger.ms=0");

    public ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A launch that runs in the current directory. */
    public ServiceLaunch(String name, int port, List<String> command, Map<String, String> environment, Path logFile) {
        this(name, port, command, environment, logFile, Path.of("").toAbsolutePath());
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
        command.addAll(KAFKA_OPTIONS);
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
        // Each service runs in <work-dir>/<service>: what it writes to relative paths (source-service's Git cache and
        // artifacts) stays in the work dir instead of landing in whatever directory the user ran `sluice up` from.
        return new ServiceLaunch(service.name(), port, command, environment,
                settings.logDir().resolve(service.name() + ".log"), settings.workDir().resolve(service.name()));
    }
}
