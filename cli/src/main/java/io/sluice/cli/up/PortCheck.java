package io.sluice.cli.up;

import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.PortInUseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything starts, that every port {@code sluice up} will listen on is free, so a busy port
 * fails in a second with a message naming it, not half-way through with some parts already running.
 */
public final class PortCheck {

    /** A port one part of the pipeline will listen on, and the option that moves it. */
    public record PortClaim(int port, String user, String option) {
    }

    private PortCheck() {
    }

    /**
     * @throws PortsUnavailableException naming every busy port (not only the first), and every port claimed twice
     */
    public static void requireFree(List<PortClaim> claims) {
        List<String> problems = new ArrayList<>();
        Map<Integer, PortClaim> seen = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim earlier = seen.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                problems.add("Port " + claim.port() + " is wanted by both the " + earlier.user() + " (" + earlier.option()
                        + ") and the " + claim.user() + " (" + claim.option() + "); give one of them another port.");
                continue;
            }
            if (claim.port() < 1 || claim.port() > 65535) {
                problems.add("Port " + claim.port() + " (for the " + claim.user() + ") is not a port; give "
                        + claim.option() + " a number from 1 to 65535.");
                continue;
            }
            if (!isFree(claim.port())) {
                problems.add("Port " + claim.port() + " (for the " + claim.user() + ") is already in use on 127.0.0.1."
                        + " Stop what holds it (see 'ss -ltnp | grep :" + claim.port() + "'; another 'sluice up'?)"
                        + " or choose another port with " + claim.option() + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new PortsUnavailableException(problems);
        }
    }

    /** True when the port can be bound on loopback right now. */
    public static boolean isFree(int port) {
        try {
            LoopbackPorts.requireFree(port, "check");
            return true;
        } catch (PortInUseException e) {
            return false;
        }
    }

    /** One or more ports cannot be used; the message has one line per port. */
    public static final class PortsUnavailableException extends UpFailedException {
        PortsUnavailableException(List<String> problems) {
            super(String.join(System.lineSeparator(), problems));
        }
    }
}
