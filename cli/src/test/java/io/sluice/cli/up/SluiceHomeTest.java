package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceHomeTest {

    @TempDir
    Path checkout;

    @BeforeEach
    void layOutACheckout() throws Exception {
        Files.createDirectories(checkout.resolve("examples/quickstart"));
        Files.createDirectories(checkout.resolve("cli/target"));
    }

    @Test
    void theOptionWinsOverTheVariableAndTheJar() {
        SluiceHome home = SluiceHome.locate(Optional.of(checkout), Optional.of("/elsewhere"), Optional.of(Path.of("/x/cli/target/sluice-cli.jar")));

        assertThat(home.root()).isEqualTo(checkout.toAbsolutePath());
        assertThat(home.quickstart()).isEqualTo(checkout.resolve("examples/quickstart"));
    }

    @Test
    void theVariableWinsOverTheJar() {
        SluiceHome home = SluiceHome.locate(Optional.empty(), Optional.of(checkout.toString()), Optional.of(Path.of("/x/cli/target/sluice-cli.jar")));

        assertThat(home.root()).isEqualTo(checkout.toAbsolutePath());
    }

    @Test
    void theJarInCliTargetNamesTheCheckout() {
        SluiceHome home = SluiceHome.locate(Optional.empty(), Optional.of(" "), Optional.of(checkout.resolve("cli/target/sluice-cli.jar")));

        assertThat(home.root()).isEqualTo(checkout.toAbsolutePath());
    }

    @Test
    void aJarSomewhereElseNeedsTheOptionOrTheVariable() {
        assertThatThrownBy(() -> SluiceHome.locate(Optional.empty(), Optional.empty(), Optional.of(Path.of("/opt/sluice-cli.jar"))))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("--home DIR")
                .hasMessageContaining("SLUICE_HOME");
    }

    @Test
    void aFolderWithoutTheQuickstartIsNotACheckout() {
        Path notACheckout = checkout.resolve("cli");

        assertThatThrownBy(() -> SluiceHome.locate(Optional.of(notACheckout), Optional.empty(), Optional.empty()))
                .hasMessageContaining("No examples/quickstart folder in " + notACheckout.toAbsolutePath());
    }

    @Test
    void missingServiceJarsAreListedWithTheBuildCommand() throws Exception {
        SluiceHome home = SluiceHome.locate(Optional.of(checkout), Optional.empty(), Optional.empty());
        Path gatewayJar = SluiceService.ALL.get(0).jar(checkout);
        Files.createDirectories(gatewayJar.getParent());
        Files.writeString(gatewayJar, "jar");

        assertThatThrownBy(() -> home.requireServiceJars(SluiceService.ALL))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining(checkout.resolve("alert-service/target/quarkus-app/quarkus-run.jar").toString())
                .hasMessageContaining("./mvnw install -DskipTests")
                .hasMessageNotContaining("webhook-gateway");
        assertThatCode(() -> home.requireServiceJars(SluiceService.ALL.subList(0, 1))).doesNotThrowAnyException();
    }

    @Test
    void servicePortsFollowTheFirstPortInChainOrder() {
        assertThat(SluiceService.ALL).extracting(s -> s.port(8081)).containsExactly(8081, 8082, 8083, 8084, 8085, 8086);
        assertThat(SluiceService.ALL).extracting(s -> s.port(9100)).containsExactly(9100, 9101, 9102, 9103, 9104, 9105);
    }
}
