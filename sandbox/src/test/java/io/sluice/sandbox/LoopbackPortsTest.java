package io.sluice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void freePortCanBeBound() throws Exception {
        int port = LoopbackPorts.free();
        LoopbackPorts.requireFree(port, "test");
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void portHeldOnLoopbackIsBusy() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LoopbackPorts.requireFree(squatter.getLocalPort(), "Kafka broker"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("Port " + squatter.getLocalPort() + " on 127.0.0.1 is already in use, so the sandbox"
                            + " Kafka broker cannot listen there. Stop the process that holds it (another 'sluice up'?"
                            + " check with 'ss -ltnp | grep :" + squatter.getLocalPort() + "') or choose a different port.");
        }
    }

    @Test
    void portHeldOnAllInterfacesIsBusyToo() throws Exception {
        // e.g. a Kafka container publishing 0.0.0.0:9092
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(0));
            assertThatThrownBy(() -> LoopbackPorts.requireFree(squatter.getLocalPort(), "Kafka broker"))
                    .isInstanceOf(PortInUseException.class);
        }
    }

    @Test
    void outOfRangePortsAreRejected() {
        assertThatThrownBy(() -> LoopbackPorts.requireFree(0, "Git server"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Port 0").hasMessageContaining("1-65535");
        assertThatThrownBy(() -> LoopbackPorts.requireFree(65536, "Git server"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    }
}
