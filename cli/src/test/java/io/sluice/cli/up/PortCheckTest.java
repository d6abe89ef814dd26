package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cli.up.PortCheck.PortClaim;
import io.sluice.sandbox.LoopbackPorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void freePortsPass() {
        List<PortClaim> claims = List.of(new PortClaim(LoopbackPorts.free(), "Kafka broker", "--kafka-port"),
                new PortClaim(LoopbackPorts.free(), "Git server", "--git-port"));

        assertThatCode(() -> PortCheck.requireFree(claims)).doesNotThrowAnyException();
    }

    @Test
    void aBusyLoopbackPortIsNamedWithTheOptionThatMovesIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();

            assertThat(PortCheck.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortCheck.requireFree(List.of(new PortClaim(port, "Kafka broker", "--kafka-port"))))
                    .isInstanceOf(UpFailedException.class)
                    .hasMessageContaining("Port " + port + " (for the Kafka broker) is already in use on 127.0.0.1")
                    .hasMessageContaining("--kafka-port");
        }
    }

    @Test
    void aPortHeldOnAllInterfacesCountsAsBusy() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(0));

            assertThat(PortCheck.isFree(busy.getLocalPort())).isFalse();
        }
    }

    @Test
    void everyBusyPortIsReportedNotOnlyTheFirst() throws Exception {
        try (ServerSocket one = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket two = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<PortClaim> claims = List.of(
                    new PortClaim(one.getLocalPort(), "Git server", "--git-port"),
                    new PortClaim(LoopbackPorts.free(), "Kafka broker", "--kafka-port"),
                    new PortClaim(two.getLocalPort(), "render-service", "--service-ports-from"));

            assertThatThrownBy(() -> PortCheck.requireFree(claims))
                    .hasMessageContaining("Port " + one.getLocalPort() + " (for the Git server)")
                    .hasMessageContaining("Port " + two.getLocalPort() + " (for the render-service)")
                    .hasMessageNotContaining("Kafka");
        }
    }

    @Test
    void onePortClaimedTwiceIsAnError() {
        int port = LoopbackPorts.free();
        List<PortClaim> claims = List.of(new PortClaim(port, "Kafka broker", "--kafka-port"),
                new PortClaim(port, "Git server", "--git-port"));

        assertThatThrownBy(() -> PortCheck.requireFree(claims))
                .hasMessageContaining("Port " + port + " is wanted by both the Kafka broker (--kafka-port) and the Git server (--git-port)");
    }

    @Test
    void aNumberOutsideThePortRangeIsRejected() {
        assertThatThrownBy(() -> PortCheck.requireFree(List.of(new PortClaim(70000, "Git server", "--git-port"))))
                .hasMessageContaining("Port 70000 (for the Git server) is not a port; give --git-port a number from 1 to 65535");
    }

    @Test
    void upClaimsEveryPortItWillUse() {
        UpOptions sandbox = UpOptionsFixture.with(9092, 6443, 8090, 8081, false);
        UpOptions realCluster = UpOptionsFixture.with(9092, 6443, 8090, 9000, true);

        assertThat(sandbox.portClaims()).extracting(PortClaim::port)
                .containsExactly(9092, 6443, 8090, 8081, 8082, 8083, 8084, 8085, 8086);
        assertThat(realCluster.portClaims()).extracting(PortClaim::port)
                .as("no sandbox API server with --kubeconfig")
                .containsExactly(9092, 8090, 9000, 9001, 9002, 9003, 9004, 9005);
        assertThat(sandbox.portClaims().get(5).option()).contains("--service-ports-from").contains("8081-8086");
    }
}
