package io.sluice.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds and checks ports on the loopback interface, where every sandbox component listens. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago; the kernel picks it. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }

    /**
     * Fails fast with {@link PortInUseException} when {@code port} cannot be bound on loopback.
     * Binding is the only reliable check: a connect attempt misses listeners that refuse connections.
     */
    public static void requireFree(int port, String component) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " for the sandbox " + component
                    + " is out of range; use 1-65535, or start() without a port to pick a free one.");
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT (just released) would count as busy.
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new PortInUseException(port, component, e);
        }
    }
}
