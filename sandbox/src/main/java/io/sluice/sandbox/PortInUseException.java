package io.sluice.sandbox;

/**
 * A sandbox component was asked to listen on a fixed loopback port that something else already holds.
 * Thrown before the component creates any files or threads, so nothing is left behind.
 */
public final class PortInUseException extends RuntimeException {

    private final int port;

    public PortInUseException(int port, String component, Throwable cause) {
        super("Port " + port + " on 127.0.0.1 is already in use, so the sandbox " + component
                + " cannot listen there. Stop the process that holds it (another 'sluice up'? check with"
                + " 'ss -ltnp | grep :" + port + "') or choose a different port.", cause);
        this.port = port;
    }

    /** The port that was busy. */
    public int port() {
        return port;
    }
}
