package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.source.GitRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code sluice up}, as a user runs it: the shaded CLI jar starting the six real services
 * ({@code <service>/target/quarkus-app/quarkus-run.jar}, built before cli in the reactor), seeding the quickstart,
 * and stopping everything on SIGTERM.
 */
class UpIT {

    /**
     * Generous on purpose: on a quiet 2-core machine the whole 'up' takes well under a minute, but a machine busy
     * with other builds can take minutes, and a slow machine is not what this test is about.
     */
    private static final int UP_TIMEOUT_SECONDS = 180;
    private static final Duration READY_WITHIN = Duration.ofSeconds(UP_TIMEOUT_SECONDS + 60);

    @TempDir
    Path dir;

    /** Fails (never skips) when a service jar is missing: this test is the proof that the real services come up. */
    private static Path homeWithServicesBuilt() {
        Path home = CliProcess.home();
        List<Path> missing = SluiceService.ALL.stream().map(s -> s.jar(home)).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            fail("The services are not built: " + missing + ". Build them first: './mvnw install -DskipTests' at "
                    + home + " (in a full reactor build they are built before cli).");
        }
        return home;
    }

    @Test
    void upRunsThePipelineAndSigtermStopsAllOfIt() throws Exception {
        try (UpRun up = new UpRun(dir, homeWithServicesBuilt(), UP_TIMEOUT_SECONDS)) {
            String ready = up.cli.awaitLine(line -> line.startsWith("Sluice is ready ("), READY_WITHIN);
            assertThat(ready).matches("Sluice is ready \\(sandbox\\) in [0-9.]+ s — press Ctrl-C to stop\\.");
            for (SluiceService service : SluiceService.ALL) {
                assertThat(up.cli.stdout()).contains(service.name() + " ").contains("http://127.0.0.1:" + service.port(up.firstServicePort));
            }

            String repository = up.reported("Git repository");
            try (KubernetesClient client = up.sandboxClient()) {
                GenericKubernetesResource source = UpRun.get(client, GitRepository.class, "flux-system", "quickstart");
                assertThat(source).as("GitRepository flux-system/quickstart").isNotNull();
                assertThat(source.getAdditionalProperties().get("spec")).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsEntry("url", repository);
                assertThat(UpRun.get(client, Kustomization.class, "flux-system", "quickstart")).as("Kustomization flux-system/quickstart").isNotNull();
            }
            Path clone = dir.resolve("clone");
            try (Git git = Git.cloneRepository().setURI(repository).setDirectory(clone.toFile()).call()) {
                assertThat(clone.resolve("deploy/kustomization.yaml")).isRegularFile();
                assertThat(git.getRepository().getBranch()).isEqualTo("main");
            }

            List<ProcessHandle> children = up.cli.handle().children().toList();
            assertThat(children).as("one child process per service").hasSize(SluiceService.ALL.size());
            for (ProcessHandle child : children) {
                assertThat(child.info().commandLine().orElse("")).contains("quarkus-run.jar", "-Dsluice.work-dir=" + up.workDir);
            }

            up.cli.terminate();

            assertThat(up.cli.awaitExit(Duration.ofSeconds(45))).as("exit code after SIGTERM" + up.cli.transcript()).isEqualTo(143);
            assertThat(up.cli.stdout()).contains("Stopping services...", "Stopping Kafka broker...", "Sluice stopped.");
            up.assertEverythingStopped(children);
            for (SluiceService service : SluiceService.ALL) {
                assertThat(up.workDir.resolve("logs").resolve(service.name() + ".log")).isNotEmptyFile();
            }
            assertThat(Files.readString(up.workDir.resolve("logs/sluice.log"))).as("the in-process parts log to the file")
                    .contains("SANDBOX Kafka broker").contains("SANDBOX Git server");
        }
    }

    @Test
    void servicesExitOnTheirOwnWhenTheCliIsKilled() throws Exception {
        try (UpRun up = new UpRun(dir, homeWithServicesBuilt(), UP_TIMEOUT_SECONDS)) {
            up.cli.awaitLine(line -> line.startsWith("Sluice is ready ("), READY_WITHIN);
            List<ProcessHandle> children = up.cli.handle().children().toList();
            assertThat(children).hasSize(SluiceService.ALL.size());

            up.cli.handle().destroyForcibly(); // SIGKILL: no shutdown hook runs, only ParentWatchdog can help

            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline && children.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(250);
            }
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(p -> p.info().commandLine().orElse("?")).toList())
                    .as("services still running 40 s after the CLI was killed (ParentWatchdog should stop them)").isEmpty();
            for (SluiceService service : SluiceService.ALL) {
                assertThat(Files.readString(up.workDir.resolve("logs").resolve(service.name() + ".log")))
                        .as(service.name() + " says why it stopped").contains("is gone; exiting");
            }
        }
    }
}
