package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceLaunchTest {

    private final ServiceLaunch.Settings settings = new ServiceLaunch.Settings("/usr/bin/java", "127.0.0.1:9092",
            "/w/.sluice/kubeconfig", Path.of("/w/.sluice"), Path.of("/w/.sluice/logs"), 4242);

    @Test
    void runsTheFastJarOnTheSameJavaWithModestMemory() {
        ServiceLaunch launch = ServiceLaunch.forService(new SluiceService("render-service", 8083), 9003,
                Path.of("/home/render-service/target/quarkus-app/quarkus-run.jar"), settings);

        assertThat(launch.command()).startsWith("/usr/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(launch.command()).endsWith("-jar", "/home/render-service/target/quarkus-app/quarkus-run.jar");
        assertThat(launch.command()).contains(
                "-Dkafka.bootstrap.servers=127.0.0.1:9092",
                "-Dquarkus.http.port=9003",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.log.console.json.enabled=false",
                "-Dsluice.work-dir=/w/.sluice");
        assertThat(launch.port()).isEqualTo(9003);
        assertThat(launch.logFile()).isEqualTo(Path.of("/w/.sluice/logs/render-service.log"));
    }

    @Test
    void passesTheKubeconfigAndTheParentPidInTheEnvironment() {
        ServiceLaunch launch = ServiceLaunch.forService(new SluiceService("apply-service", 8084), 8084, Path.of("x.jar"), settings);

        assertThat(launch.environment())
                .containsEntry("KUBECONFIG", "/w/.sluice/kubeconfig")
                .containsEntry("SLUICE_PARENT_PID", "4242");
    }

    @Test
    void eachServiceRunsInItsOwnFolderOfTheWorkDir() {
        ServiceLaunch launch = ServiceLaunch.forService(new SluiceService("source-service", 8082), 8082, Path.of("x.jar"), settings);

        // source-service keeps its Git cache and artifacts under relative paths (data/...): they land here.
        assertThat(launch.directory()).isEqualTo(Path.of("/w/.sluice/source-service"));
    }
}
