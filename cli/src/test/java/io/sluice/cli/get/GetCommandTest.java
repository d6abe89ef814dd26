package io.sluice.cli.get;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.sluice.cli.SluiceCli;
import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.up.UpState;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice get} against a sandbox API holding Flux objects with the statuses the services write. */
class GetCommandTest {

    private static SandboxCluster cluster;
    private static Path kubeconfig;

    @TempDir
    static Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
        var client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build()).create();

        Map<String, Object> stored = Map.of(
                "artifact", Map.of("revision", "main@sha1:" + FluxFixtures.SHA, "digest", "sha256:00", "url", "http://x/a.tar.gz"),
                "conditions", List.of(FluxFixtures.ready("True", "Succeeded",
                        "stored artifact for revision 'main@sha1:" + FluxFixtures.SHA + "'", "2026-11-28T01:00:00Z")));
        FluxFixtures.create(client, FluxKind.GIT_REPOSITORY, FluxFixtures.gitRepository("flux-system", "podinfo"), stored);
        FluxFixtures.create(client, FluxKind.KUSTOMIZATION, FluxFixtures.kustomization("flux-system", "podinfo", "podinfo"), Map.of(
                "lastAppliedRevision", "main@sha1:" + FluxFixtures.SHA,
                "conditions", List.of(FluxFixtures.ready("True", "ReconciliationSucceeded",
                        "Applied revision: main@sha1:" + FluxFixtures.SHA, "2026-11-28T01:00:01Z"))));
        FluxFixtures.create(client, FluxKind.KUSTOMIZATION, FluxFixtures.kustomization("flux-system", "broken", "podinfo"), Map.of(
                "conditions", List.of(FluxFixtures.ready("False", "BuildFailed",
                        "kustomize build failed:\n deploy/bad.yaml: line 3", "2026-11-28T01:00:02Z"))));
        GenericKubernetesResource suspended = FluxFixtures.kustomization("apps", "frontend", "podinfo");
        ((Map<String, Object>) suspended.getAdditionalProperties().get("spec")).put("suspend", true);
        FluxFixtures.create(client, FluxKind.KUSTOMIZATION, suspended, null);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private int run(String... args) {
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void sourcesGitPrintsFluxsColumns() {
        assertThat(run("get", "sources", "git", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(lines()).containsExactly(
                "NAME      REVISION             SUSPENDED   READY   MESSAGE",
                "podinfo   main@sha1:4c3d0fcb   False       True    stored artifact for revision 'main@sha1:" + FluxFixtures.SHA + "'");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void kustomizationsShowTheAppliedRevisionAndFailuresOnOneLine() {
        assertThat(run("get", "ks", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(lines()).containsExactly(
                "NAME      REVISION             SUSPENDED   READY   MESSAGE",
                "broken                         False       False   kustomize build failed: deploy/bad.yaml: line 3",
                "podinfo   main@sha1:4c3d0fcb   False       True    Applied revision: main@sha1:" + FluxFixtures.SHA);
    }

    @Test
    void allNamespacesAddsTheNamespaceColumnAndShowsSuspendedObjectsWithoutStatus() {
        assertThat(run("get", "kustomizations", "-A", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(lines().get(0)).startsWith("NAMESPACE     NAME       REVISION");
        assertThat(lines()).hasSize(4);
        assertThat(lines().get(1)).matches("apps\\s+frontend\\s+True\\s+Unknown\\s+not reconciled yet");
        assertThat(lines().get(2)).startsWith("flux-system   broken");
        assertThat(lines().get(3)).startsWith("flux-system   podinfo");
    }

    @Test
    void otherNamespaceWithNFlag() {
        assertThat(run("get", "ks", "-n", "apps", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(1)).startsWith("frontend");
    }

    @Test
    void allListsEachKindThatHasObjectsWithKindPrefixedNames() {
        assertThat(run("get", "all", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(out.toString()).contains("gitrepository/podinfo", "kustomization/podinfo", "kustomization/broken")
                .doesNotContain("receiver/", "alert/");
        assertThat(lines()).contains("");
        assertThat(run("get", "--kubeconfig", kubeconfig.toString())).as("all is the default").isZero();
    }

    @Test
    void imagesListsRepositoriesPoliciesAndAutomationsAsFluxGetImagesAll() {
        var client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("images").endMetadata().build()).create();
        FluxFixtures.create(client, FluxKind.IMAGE_REPOSITORY, FluxFixtures.image("ImageRepository", "images", "app",
                "image: registry.example/team/app\ninterval: 5m"),
                Map.of("lastScanResult", Map.of("revision", "0a1b", "tagCount", 3, "scanTime", "2026-12-07T10:00:00Z"),
                        "conditions", List.of(FluxFixtures.ready("True", "Succeeded", "successful scan: found 3 tags with checksum 0a1b",
                                "2026-12-07T10:00:00Z"))));
        FluxFixtures.create(client, FluxKind.IMAGE_POLICY, FluxFixtures.image("ImagePolicy", "images", "app",
                "imageRepositoryRef: {name: app}\npolicy: {semver: {range: 1.x}}"),
                Map.of("latestRef", Map.of("name", "registry.example/team/app", "tag", "1.0.1"),
                        "conditions", List.of(FluxFixtures.ready("True", "Succeeded",
                                "Latest image tag for registry.example/team/app resolved to 1.0.1", "2026-12-07T10:00:01Z"))));
        FluxFixtures.create(client, FluxKind.IMAGE_UPDATE, FluxFixtures.image("ImageUpdateAutomation", "images", "app",
                "interval: 10m\nsourceRef: {kind: GitRepository, name: app}\ngit: {commit: {author: {email: bot@example.com}}}\nsuspend: true"),
                Map.of("lastAutomationRunTime", "2026-12-07T10:00:02Z",
                        "conditions", List.of(FluxFixtures.ready("False", "GitOperationFailed", "failed to push", "2026-12-07T10:00:02Z"))));

        assertThat(run("get", "images", "all", "-n", "images", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(lines()).containsExactly(
                "NAME                  LAST SCAN              SUSPENDED   READY   MESSAGE",
                "imagerepository/app   2026-12-07T10:00:00Z   False       True    successful scan: found 3 tags with checksum 0a1b",
                "",
                "NAME              LATEST IMAGE                      READY   MESSAGE",
                "imagepolicy/app   registry.example/team/app:1.0.1   True    Latest image tag for registry.example/team/app resolved to 1.0.1",
                "",
                "NAME                        LAST RUN               SUSPENDED   READY   MESSAGE",
                "imageupdateautomation/app   2026-12-07T10:00:02Z   True        False   failed to push");
    }

    @Test
    void nothingToListSaysSoOnStandardError() {
        assertThat(run("get", "receivers", "--kubeconfig", kubeconfig.toString())).isZero();

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("no Receiver objects found in flux-system namespace");
    }

    @Test
    void anUnknownKindIsAUsageErrorListingTheValidOnes() {
        assertThat(run("get", "deployments", "--kubeconfig", kubeconfig.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown kind 'deployments'", "sources git", "kustomizations (ks)", "receivers", "all");
    }

    @Test
    void anUnreachableClusterNamesTheUrlAndTheKubeconfig() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path dead = dir.resolve("dead-kubeconfig");
        Files.writeString(dead, Files.readString(kubeconfig).replace(":" + cluster.port(), ":" + closedPort));

        long started = System.nanoTime();
        assertThat(run("get", "ks", "--kubeconfig", dead.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("Cannot reach the Kubernetes API at http://127.0.0.1:" + closedPort)
                .contains("--kubeconfig " + dead);
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds until it gives up").isLessThan(20);
    }

    @Test
    void aMissingKubeconfigFileIsNamed() {
        assertThat(run("get", "ks", "--kubeconfig", dir.resolve("nope").toString())).isEqualTo(1);

        assertThat(err.toString()).contains("Cannot read --kubeconfig " + dir.resolve("nope"));
    }

    @Test
    void withoutUpKubeconfigOrKubeDirItSaysHowToGetACluster() throws IOException {
        assumeTrue(System.getenv("KUBECONFIG") == null && System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "KUBECONFIG or an in-cluster service account is set: that would be the cluster");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(dir.resolve("empty-home")).toString());
        try {
            assertThat(run("get", "--work-dir", dir.resolve("no-up").toString())).isEqualTo(1);
        } finally {
            System.setProperty("user.home", home);
        }

        assertThat(err.toString()).contains("No cluster to talk to: no 'sluice up' is running with work dir " + dir.resolve("no-up"),
                "Start 'sluice up'", "--kubeconfig FILE");
    }

    @Test
    void theRunningUpsClusterIsTheDefault() throws IOException {
        Path workDir = Files.createDirectories(dir.resolve("work"));
        new UpState(ProcessHandle.current().pid(), "127.0.0.1:1", kubeconfig, Optional.empty()).write(workDir);

        assertThat(run("get", "sources", "git", "--work-dir", workDir.toString())).isZero();

        assertThat(out.toString()).contains("podinfo");
    }

    @Test
    void aMissingCrdIsReportedWithTheFix() throws IOException {
        // An API server without Flux's CRDs answers 404 for their resource paths.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path bare = dir.resolve("bare-kubeconfig");
            Files.writeString(bare, Files.readString(kubeconfig).replace(":" + cluster.port(), ":" + server.getAddress().getPort()));

            assertThat(run("get", "receivers", "--kubeconfig", bare.toString())).isEqualTo(1);

            assertThat(err.toString()).contains("has no CRD receivers.notification.toolkit.fluxcd.io", "kubectl apply -f deploy/crds/");
        } finally {
            server.stop(0);
        }
    }
}
