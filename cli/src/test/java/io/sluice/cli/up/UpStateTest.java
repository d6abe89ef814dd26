package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpStateTest {

    @TempDir
    Path workDir;

    private final long self = ProcessHandle.current().pid();

    @Test
    void aRunningUpIsFoundWithItsBrokerAndKubeconfig() {
        UpState state = new UpState(self, "127.0.0.1:9092", workDir.resolve("kubeconfig"), Optional.of("kind-dev"));
        state.write(workDir);

        assertThat(UpState.running(workDir)).contains(state);
    }

    @Test
    void aFileLeftByAnUpThatIsGoneIsIgnored() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new UpState(gone.pid(), "127.0.0.1:9092", workDir.resolve("kubeconfig"), Optional.empty()).write(workDir);

        assertThat(UpState.running(workDir)).isEmpty();
    }

    @Test
    void noFileOrABrokenFileMeansNoUp() throws Exception {
        assertThat(UpState.running(workDir)).isEmpty();

        Files.writeString(workDir.resolve(UpState.FILE), "pid=not-a-number\n");
        assertThat(UpState.running(workDir)).isEmpty();
    }

    @Test
    void deleteRemovesOnlyItsOwnFile() {
        UpState mine = new UpState(self, "127.0.0.1:9092", workDir.resolve("kubeconfig"), Optional.empty());
        UpState other = new UpState(self + 1, "127.0.0.1:9093", workDir.resolve("kubeconfig"), Optional.empty());
        other.write(workDir);

        mine.delete(workDir);
        assertThat(workDir.resolve(UpState.FILE)).exists();

        other.delete(workDir);
        assertThat(workDir.resolve(UpState.FILE)).doesNotExist();
    }
}
