package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.source.GitRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
        Path clone = dir.resolve("clone");
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
            try (Git git = Git.cloneRepository().setURI(repository).setDirectory(clone.toFile()).call()) {
                assertThat(clone.resolve("deploy/kustomization.yaml")).isRegularFile();
                assertThat(git.getRepository().getBranch()).isEqualTo("main");
            }

            theLoopRunsFromTheCommandLine(up, clone);
            aKilledServiceIsRestartedAndItsWorkCompletes(up, clone);

            List<ProcessHandle> children = up.cli.handle().children().toList();
            assertThat(children).as("one child process per service").hasSize(SluiceService.ALL.size());
            for (ProcessHandle child : children) {
                assertThat(child.info().commandLine().orElse("")).contains("quarkus-run.jar", "-Dsluice.work-dir=" + up.workDir);
            }

            up.cli.terminate();

            assertThat(up.cli.awaitExit(Duration.ofSeconds(45))).as("exit code after SIGTERM" + up.cli.transcript()).isEqualTo(143);
            assertThat(up.cli.stdout()).contains("Stopping services...", "Stopping Kafka broker...", "Sluice stopped.");
            up.assertEverythingStopped(children);
            assertThat(up.workDir.resolve(UpState.FILE)).as("removed on stop, so get/reconcile stop using it").doesNotExist();
            for (SluiceService service : SluiceService.ALL) {
                assertThat(up.workDir.resolve("logs").resolve(service.name() + ".log")).isNotEmptyFile();
            }
            assertThat(Files.readString(up.workDir.resolve("logs/sluice.log"))).as("the in-process parts log to the file")
                    .contains("SANDBOX Kafka broker").contains("SANDBOX Git server");
        }
        theNextUpKeepsTheQuickstartHistory(clone);
    }

    /**
     * A service killed under {@code up} (SIGKILL, as a crash) with work in hand: a push announced by the webhook just
     * before. {@code up} restarts it (printed, counted in up.properties) and the push is applied without anybody
     * asking again.
     */
    private void aKilledServiceIsRestartedAndItsWorkCompletes(UpRun up, Path clone) throws Exception {
        String sha = commitAndPush(clone, "Hello from UpIT", "Hello after a crash");
        ProcessHandle apply = up.cli.handle().children()
                .filter(child -> child.info().commandLine().orElse("").contains("apply-service")).findFirst().orElseThrow();
        callWebhook(up);
        apply.destroyForcibly();

        up.cli.awaitLine(line -> line.startsWith("⟳ apply-service exited (exit code 137)"), Duration.ofSeconds(30));
        up.cli.awaitLine(line -> line.startsWith("✔ apply-service ready again on http://127.0.0.1:"), READY_WITHIN);
        assertThat(UpState.running(up.workDir).orElseThrow().restarts()).isEqualTo(java.util.Map.of("apply-service", 1));
        try (KubernetesClient client = up.sandboxClient()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            Object applied = null;
            while (System.nanoTime() < deadline && !("main@sha1:" + sha).equals(applied)) {
                applied = UpRun.get(client, Kustomization.class, "flux-system", "quickstart").get("status", "lastAppliedRevision");
                Thread.sleep(500);
            }
            assertThat(applied).as("the push the killed apply-service had in hand is applied after its restart"
                    + up.cli.transcript()).isEqualTo("main@sha1:" + sha);
        }
    }

    /**
     * {@code up} again on the same work dir: the quickstart repository is the one the first run left, with its
     * history, so a clone made then still pushes, and its push is applied.
     */
    private void theNextUpKeepsTheQuickstartHistory(Path clone) throws Exception {
        try (UpRun again = new UpRun(dir, homeWithServicesBuilt(), UP_TIMEOUT_SECONDS)) {
            again.cli.awaitLine(line -> line.startsWith("Sluice is ready ("), READY_WITHIN);
            assertThat(again.cli.stdout()).contains("Seeding the quickstart (its Git repository kept from the last run");
            try (Git git = Git.open(clone.toFile())) {
                git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new org.eclipse.jgit.transport.URIish(again.reported("Git repository"))).call();
                assertThat(git.fetch().call().getAdvertisedRef("refs/heads/main").getObjectId())
                        .as("the server's main is the clone's last push").isEqualTo(git.getRepository().resolve("HEAD"));
            }
            String sha = commitAndPush(clone, "Hello after a crash", "Hello again");
            CommandRun reconcile = CommandRun.of(dir, "reconcile", "ks", "quickstart", "--with-source", "--work-dir",
                    again.workDir.toString(), "--timeout", "120");
            assertThat(reconcile.code()).as(reconcile.transcript()).isZero();
            assertThat(reconcile.stdout()).contains("✔ applied revision main@sha1:" + sha);
            again.cli.terminate();
            assertThat(again.cli.awaitExit(Duration.ofSeconds(45))).isEqualTo(143);
        }
    }

    private static String commitAndPush(Path clone, String from, String to) throws Exception {
        try (Git git = Git.open(clone.toFile())) {
            Path configMap = clone.resolve("deploy/configmap.yaml");
            Files.writeString(configMap, Files.readString(configMap).replace(from, to));
            String sha = git.commit().setAll(true).setMessage("Change the greeting to " + to).setAuthor("UpIT", "upit@example.com")
                    .call().getName();
            git.push().call();
            return sha;
        }
    }

    /** The webhook as printed: POST /hook/<sha256(token+name+namespace)> with the body signed by the token. */
    private static HttpResponse<String> callWebhook(UpRun up) throws Exception {
        String path = QuickstartWebhook.path("quickstart-local-token", "quickstart", "flux-system");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("quickstart-local-token".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<String> hook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + up.firstServicePort + path))
                .header("X-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).as("webhook answer: " + hook.body()).isEqualTo(202);
        assertThat(hook.body()).as("the answer says what it set in motion")
                .startsWith("accepted delivery ").contains(": 1 reconcile request for GitRepository flux-system/quickstart");
        return hook;
    }

    /**
     * What the ready report tells a newcomer to do: {@code sluice get}, commit and push, call the webhook,
     * {@code sluice reconcile}, and see the new revision applied.
     */
    private void theLoopRunsFromTheCommandLine(UpRun up, Path clone) throws Exception {
        assertThat(up.workDir.resolve(UpState.FILE)).as("written for get and reconcile").isRegularFile();
        String workDir = up.workDir.toString();

        CommandRun get = CommandRun.of(dir, "get", "--work-dir", workDir);
        assertThat(get.code()).as(get.transcript()).isZero();
        assertThat(get.stdout()).contains("gitrepository/quickstart", "kustomization/quickstart", "receiver/quickstart");

        String sha = commitAndPush(clone, "Hello from Sluice", "Hello from UpIT");
        callWebhook(up);

        CommandRun reconcile = CommandRun.of(dir, "reconcile", "ks", "quickstart", "--with-source", "--work-dir", workDir,
                "--timeout", "120");
        assertThat(reconcile.code()).as(reconcile.transcript()).isZero();
        assertThat(reconcile.stdout()).contains("✔ fetched revision main@sha1:" + sha, "✔ applied revision main@sha1:" + sha);

        CommandRun kustomizations = CommandRun.of(dir, "get", "ks", "--work-dir", workDir);
        assertThat(kustomizations.stdout()).as("the pushed commit is applied" + kustomizations.transcript())
                .containsPattern("quickstart\\s+main@sha1:" + sha.substring(0, 8) + "\\s+False\\s+True\\s+Applied revision");
    }

    /** One short CLI command (get, reconcile) run to its end. */
    private record CommandRun(int code, String stdout, String transcript) {
        static CommandRun of(Path dir, String... args) throws Exception {
            try (CliProcess cli = CliProcess.start(dir, args)) {
                int code = cli.awaitExit(Duration.ofSeconds(150));
                return new CommandRun(code, cli.stdout(), cli.transcript());
            }
        }
    }

    /** Also: {@code --fresh} replaces a quickstart repository kept from an earlier run by a new one. */
    @Test
    void servicesExitOnTheirOwnWhenTheCliIsKilled() throws Exception {
        Path kept = dir.resolve("work/git/quickstart.git");
        try (Git old = Git.init().setBare(true).setInitialBranch("main").setDirectory(kept.toFile()).call()) {
            assertThat(old.getRepository().getDirectory()).isDirectory();
        }
        try (UpRun up = new UpRun(dir, homeWithServicesBuilt(), UP_TIMEOUT_SECONDS, List.of("--fresh"))) {
            up.cli.awaitLine(line -> line.startsWith("Sluice is ready ("), READY_WITHIN);
            assertThat(up.cli.stdout()).contains("Seeding the quickstart (Git repository from examples/quickstart");
            try (Git served = Git.open(kept.toFile())) {
                assertThat(served.log().call()).as("one new commit: the seed").hasSize(1);
            }
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
