package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** One {@code sluice up} run as a separate process on free ports, with the checks every scenario shares. */
final class UpRun implements AutoCloseable {

    final Path workDir;
    final int kafkaPort;
    final int apiPort;
    final int gitPort;
    final int firstServicePort;
    final CliProcess cli;

    UpRun(Path dir, Path home, int timeoutSeconds) throws IOException {
        this(dir, home, timeoutSeconds, List.of());
    }

    /** @param more further options, e.g. {@code --kubeconfig FILE} */
    UpRun(Path dir, Path home, int timeoutSeconds, List<String> more) throws IOException {
        this.workDir = dir.resolve("work");
        int first = TestPorts.freeRange(3 + SluiceService.ALL.size());
        this.kafkaPort = first;
        this.apiPort = first + 1;
        this.gitPort = first + 2;
        this.firstServicePort = first + 3;
        List<String> args = new ArrayList<>(List.of("up", "--home", home.toString(), "--work-dir", workDir.toString(),
                "--kafka-port", Integer.toString(kafkaPort), "--api-port", Integer.toString(apiPort),
                "--git-port", Integer.toString(gitPort), "--service-ports-from", Integer.toString(firstServicePort),
                "--timeout", Integer.toString(timeoutSeconds)));
        args.addAll(more);
        this.cli = CliProcess.start(dir, args.toArray(String[]::new));
    }

    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(List.of(kafkaPort, apiPort, gitPort));
        IntStream.range(firstServicePort, firstServicePort + SluiceService.ALL.size()).forEach(ports::add);
        return ports;
    }

    /** The value printed after a label in the ready report, e.g. "Git repository". */
    String reported(String label) throws InterruptedException {
        String line = cli.awaitLine(l -> l.strip().startsWith(label + " "), Duration.ofSeconds(1));
        return line.strip().substring(label.length()).strip().split("\\s+")[0];
    }

    KubernetesClient sandboxClient() throws IOException {
        Path kubeconfig = workDir.resolve("kubeconfig");
        return new KubernetesClientBuilder().withConfig(
                Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString())).build();
    }

    static GenericKubernetesResource get(KubernetesClient client, Class<? extends HasMetadata> type, String namespace, String name) {
        return client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(type)).inNamespace(namespace).withName(name).get();
    }

    /** No process of this run is alive and every port it used can be bound again. */
    void assertEverythingStopped(List<ProcessHandle> children) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline
                && (children.stream().anyMatch(ProcessHandle::isAlive) || !Processes.markedWith(workDir).isEmpty())) {
            Thread.sleep(200);
        }
        assertThat(children.stream().filter(ProcessHandle::isAlive).toList()).as("children still alive").isEmpty();
        assertThat(Processes.markedWith(workDir)).as("processes of this work dir still alive: %s",
                Processes.describe(Processes.markedWith(workDir))).isEmpty();
        for (int port : ports()) {
            assertThat(PortCheck.isFree(port)).as("port %d released", port).isTrue();
        }
    }

    @Override
    public void close() {
        cli.close();
    }
}
