package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.sluice.sandbox.git.LocalGitServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code sluice up} prints once ready: the walk through the loop, with commands that work as printed. */
class ReadyReportTest {

    private static final String REPO = "http://127.0.0.1:8090/git/quickstart.git";

    private static QuickstartSeeder.Seeded shippedQuickstart() {
        var objects = QuickstartObjects.load(QuickstartObjectsTest.QUICKSTART.resolve("flux"), REPO);
        return new QuickstartSeeder.Seeded(REPO, "1m", QuickstartWebhook.find(objects), java.util.Optional.empty());
    }

    private static List<ReadyReport.Endpoint> services(int first) {
        return SluiceService.ALL.stream().map(s -> new ReadyReport.Endpoint(s.name(), s.port(first))).toList();
    }

    private static String print(ReadyReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ReadyReport sandboxReport(WorkDir workDir, int firstServicePort) {
        return new ReadyReport("127.0.0.1:9092", "http://127.0.0.1:6443", true, ".sluice/kubeconfig", shippedQuickstart(),
                services(firstServicePort), workDir);
    }

    @Test
    void walksThroughCloneCommitPushAndWhereToSeeTheResult() {
        String text = print(sandboxReport(new WorkDir(Path.of(".sluice").toAbsolutePath()), 8081));

        assertThat(text).contains(
                "  Git repository    " + REPO + "  (branch main)",
                "  kubeconfig        .sluice/kubeconfig",
                "       ./sluice get\n",
                "       kubectl --kubeconfig .sluice/kubeconfig get gitrepositories,kustomizations -A",
                "       q=$(mktemp -d)/quickstart && git clone " + REPO + " \"$q\"",
                "\"$q/deploy/configmap.yaml\"",
                "       git -C \"$q\" commit -am 'Change the greeting' && git -C \"$q\" push",
                "Sluice fetches main within 1m (the GitRepository's interval)",
                "call the webhook of Receiver flux-system/quickstart (generic-hmac)",
                "http://127.0.0.1:8081/hook/8ae22e1d06d5d8a54494e0c0e8c2da362b57384eaa10c3948a5d4191a3b092c5",
                "./sluice reconcile ks quickstart --with-source",
                "       ./sluice get kustomizations",
                "       kubectl --kubeconfig .sluice/kubeconfig get configmap podinfo-config -n quickstart -o yaml");
        assertThat(text).as("no step leaves the directory the relative paths are relative to").doesNotContain("cd quickstart");
    }

    @Test
    void anotherWorkDirAndServicePortsAreInTheCommands() {
        String text = print(sandboxReport(new WorkDir(Path.of("elsewhere").toAbsolutePath()), 9101));

        assertThat(text).contains("./sluice get --work-dir elsewhere", "./sluice reconcile ks quickstart --with-source --work-dir elsewhere",
                "http://127.0.0.1:9101/hook/");
    }

    @Test
    void againstARealClusterKubectlGetsItsKubeconfigThroughTheEnvironment() {
        String text = print(new ReadyReport("127.0.0.1:9092", "https://10.0.0.1:6443", false, "/home/me/.kube/config",
                shippedQuickstart(), services(8081), new WorkDir(Path.of(".sluice").toAbsolutePath())));

        assertThat(text).contains("against your cluster.", "KUBECONFIG=/home/me/.kube/config kubectl get gitrepositories")
                .doesNotContain("in-memory sandbox");
    }

    @Test
    void withoutAReceiverThereIsNoWebhookStep() {
        String text = print(new ReadyReport("127.0.0.1:9092", "http://127.0.0.1:6443", true, ".sluice/kubeconfig",
                new QuickstartSeeder.Seeded(REPO, "5m", java.util.Optional.empty(), java.util.Optional.empty()), services(8081),
                new WorkDir(Path.of(".sluice").toAbsolutePath())));

        assertThat(text).contains("within 5m").doesNotContain("/hook/", "openssl");
    }

    /** The printed curl, run by bash, signs the body as webhook-gateway checks it (HMAC-SHA256 with the token). */
    @Test
    void thePrintedCurlSendsABodySignedWithTheToken() throws Exception {
        assumeTrue(onPath("bash") && onPath("openssl") && onPath("curl"), "bash, openssl and curl are needed to run the printed lines");
        QuickstartWebhook webhook = shippedQuickstart().webhook().orElseThrow();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<String> accepted = new CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext(webhook.path(), exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String expected = "sha256=" + hmacSha256(webhook.token(), body);
            String signature = exchange.getRequestHeaders().getFirst("X-Signature");
            if (expected.equals(signature) && "POST".equals(exchange.getRequestMethod())) {
                accepted.add(new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
            } else {
                failures.add("got " + signature + ", expected " + expected);
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        gateway.start();
        try {
            String script = "set -euo pipefail\n" + String.join("\n", webhook.curl(gateway.getAddress().getPort())) + "\n";
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(bash.exitValue()).as(output + failures).isZero();
            assertThat(failures).isEmpty();
            assertThat(accepted).containsExactly("{}");
        } finally {
            gateway.stop(0);
        }
    }

    /**
     * The printed clone, commit and push lines, run by bash as a user would, twice in a row with the Git server
     * restarted between (as {@code sluice up} is): each walk clones into a new folder outside the current directory,
     * and the second clone holds the first walk's push (the repository is kept).
     */
    @Test
    void thePrintedWalkWorksTwiceInARowOutsideTheCurrentDirectory(@TempDir Path gitDir) throws Exception {
        assumeTrue(onPath("bash") && onPath("git"), "bash and git are needed to run the printed lines");
        Path cwd = Path.of("").toAbsolutePath();
        for (int walk = 1; walk <= 2; walk++) {
            try (LocalGitServer git = LocalGitServer.builder().allowAnonymousPush().persistentDirectory(gitDir).start()) {
                if (!git.hasRepository("quickstart")) {
                    git.seed("quickstart", "main", Path.of(System.getProperty("sluice.home"), "examples", "quickstart"), "seed");
                }
                String text = print(new ReadyReport("127.0.0.1:9092", "http://127.0.0.1:6443", true, ".sluice/kubeconfig",
                        new QuickstartSeeder.Seeded(git.url("quickstart").toString(), "1m", java.util.Optional.empty(), java.util.Optional.empty()),
                        services(8081), new WorkDir(Path.of(".sluice").toAbsolutePath())));
                List<String> lines = text.lines().map(String::strip)
                        .filter(line -> line.startsWith("q=$(mktemp") || line.startsWith("git -C")).toList();
                assertThat(lines).hasSize(2);
                String script = "set -euo pipefail\n" + lines.get(0) + "\n"
                        + "echo '# walk " + walk + "' >> \"$q/deploy/configmap.yaml\"\n" + lines.get(1) + "\n"
                        + "echo \"CLONE=$q\"; git -C \"$q\" log --format=%s\n";
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
                builder.environment().putAll(Map.of("GIT_AUTHOR_NAME", "dev", "GIT_AUTHOR_EMAIL", "dev@example.invalid",
                        "GIT_COMMITTER_NAME", "dev", "GIT_COMMITTER_EMAIL", "dev@example.invalid"));
                Process bash = builder.start();
                assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(bash.exitValue()).as("walk " + walk + ":\n" + output).isZero();
                Path clone = Path.of(output.lines().filter(l -> l.startsWith("CLONE=")).findFirst().orElseThrow().substring(6));
                assertThat(clone).as("the clone is outside the current directory").matches(p -> !p.startsWith(cwd));
                assertThat(output).as("walk 2 clones the history walk 1 pushed").contains(walk == 1 ? "seed" : "Change the greeting\nChange the greeting");
            }
        }
    }

    private static String hmacSha256(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
