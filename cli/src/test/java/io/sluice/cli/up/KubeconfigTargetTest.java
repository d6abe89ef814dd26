package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --kubeconfig [--context]}, with the sandbox API standing in for a real cluster. */
class KubeconfigTargetTest {

    private static SandboxCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** The sandbox's kubeconfig edited: another context "elsewhere" (with a cluster nobody listens on) is current. */
    private Path kubeconfigWithTwoContexts() throws Exception {
        Path file = cluster.writeKubeconfig(dir.resolve("config"));
        Config config = KubeConfigUtils.parseConfigFromString(Files.readString(file));
        config.getClusters().add(new NamedClusterBuilder().withName("nowhere").withNewCluster().withServer("http://127.0.0.1:1").endCluster().build());
        config.getContexts().add(new NamedContextBuilder().withName("elsewhere")
                .withNewContext().withCluster("nowhere").withUser("sluice-sandbox").endContext().build());
        config.setCurrentContext("elsewhere");
        Files.writeString(file, Serialization.asYaml(config));
        return file;
    }

    private Path kubeconfigWithoutCurrentContext() throws Exception {
        Path file = cluster.writeKubeconfig(dir.resolve("config"));
        Config config = KubeConfigUtils.parseConfigFromString(Files.readString(file));
        config.setCurrentContext(null);
        Files.writeString(file, Serialization.asYaml(config));
        return file;
    }

    @Test
    void withoutAContextTheServicesGetTheFileAsItIs() throws Exception {
        Path file = cluster.writeKubeconfig(dir.resolve("config"));

        try (KubeconfigTarget target = KubeconfigTarget.open(file, Optional.empty(), dir.resolve("work"))) {
            assertThat(target.kubeconfigEnv()).isEqualTo(file.toAbsolutePath().toString());
            assertThat(target.apiServerUrl()).startsWith(cluster.masterUrl());
            assertThat(target.mode()).isEqualTo("cluster");
            assertThat(target.client().namespaces().withName("flux-system").get()).isNotNull();
        }
    }

    @Test
    void aContextIsPutFirstInTheServicesKubeconfigList() throws Exception {
        Path file = kubeconfigWithTwoContexts();
        Path work = dir.resolve("work");

        try (KubeconfigTarget target = KubeconfigTarget.open(file, Optional.of("sluice-sandbox"), work)) {
            Path contextFile = work.resolve(KubeconfigTarget.CONTEXT_FILE);
            assertThat(target.kubeconfigEnv()).isEqualTo(contextFile + File.pathSeparator + file.toAbsolutePath());
            assertThat(Files.readString(contextFile)).contains("current-context: sluice-sandbox");
            assertThat(target.client().namespaces().withName("default").get()).isNotNull();
        }
    }

    @Test
    void aServiceGivenThatKubeconfigListTalksToTheChosenContext() throws Exception {
        Path file = kubeconfigWithTwoContexts();

        try (KubeconfigTarget target = KubeconfigTarget.open(file, Optional.of("sluice-sandbox"), dir.resolve("work"))) {
            ProcessBuilder probe = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), KubeconfigProbe.class.getName())
                    .redirectErrorStream(true);
            probe.environment().put("KUBECONFIG", target.kubeconfigEnv());
            Process process = probe.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();

            assertThat(output.strip().lines().reduce((a, b) -> b).orElse("")).startsWith(cluster.masterUrl());
        }
    }

    @Test
    void anUnknownContextListsTheKnownOnes() throws Exception {
        Path file = kubeconfigWithTwoContexts();

        assertThatThrownBy(() -> KubeconfigTarget.open(file, Optional.of("prod"), dir))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("--context prod is not in " + file.toAbsolutePath())
                .hasMessageContaining("sluice-sandbox").hasMessageContaining("elsewhere");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> KubeconfigTarget.open(dir.resolve("nope"), Optional.empty(), dir))
                .hasMessageContaining("--kubeconfig " + dir.resolve("nope") + ": no such file");
    }

    @Test
    void aFileWithoutCurrentContextNeedsTheOption() throws Exception {
        Path file = kubeconfigWithoutCurrentContext();

        assertThatThrownBy(() -> KubeconfigTarget.open(file, Optional.empty(), dir))
                .hasMessageContaining("sets no current-context; name one with --context NAME");
    }
}
