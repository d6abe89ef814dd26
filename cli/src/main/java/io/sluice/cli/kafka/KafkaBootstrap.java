package io.sluice.cli.kafka;

import io.sluice.cli.CliFailure;
import io.sluice.cli.up.UpState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Kafka broker a command talks to: {@code --kafka HOST:PORT}, else the broker of the {@code sluice up} running
 * with {@code --work-dir}; and a plain TCP check that it is there, so an absent broker is reported at once and in
 * words, not as the Kafka client's "topic not present in metadata" after its whole wait.
 */
public final class KafkaBootstrap {

    /**
     * The Kafka client warns on every failed connection attempt; the CLI reports an unreachable broker once, itself.
     * Held in a field so the level setting is not garbage-collected with the logger.
     */
    private static final Logger KAFKA_LOG = quiet("org.apache.kafka");

    /** How long one TCP connect to a bootstrap address may take. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(3);

    private KafkaBootstrap() {
    }

    /** {@code option} when given, else the running {@code up}'s broker, else empty. */
    public static Optional<String> known(String option, Path workDir) {
        if (option != null && !option.isBlank()) {
            return Optional.of(option);
        }
        return UpState.running(workDir).map(UpState::kafkaBootstrap);
    }

    /** As {@link #known}, failing with what to do when there is no broker to use. */
    public static String required(String option, Path workDir) {
        return known(option, workDir).orElseThrow(() -> new CliFailure("No Kafka broker to talk to: no 'sluice up' is running with"
                + " work dir " + workDir + ". Start 'sluice up', or pass --kafka HOST:PORT (and --work-dir DIR if up runs elsewhere)."));
    }

    /** A TCP connect to each bootstrap address until one answers; a {@link CliFailure} naming them all when none does. */
    public static void requireReachable(String bootstrap, Duration wait) {
        List<String> failures = new ArrayList<>();
        int connectMillis = (int) Math.max(1, Math.min(wait.toMillis(), CONNECT_WAIT.toMillis()));
        for (String address : bootstrap.split(",")) {
            String hostPort = address.trim();
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new CliFailure("Kafka bootstrap address '" + hostPort + "' has no port; give HOST:PORT, e.g. 127.0.0.1:9092.");
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new CliFailure("Kafka bootstrap address '" + hostPort + "' has no valid port; give HOST:PORT, e.g. 127.0.0.1:9092.");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon), port), connectMillis);
                return;
            } catch (IOException e) {
                failures.add(hostPort + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        throw new CliFailure("Cannot reach Kafka at " + String.join(", ", failures)
                + ". Is 'sluice up' running? Pass --kafka HOST:PORT to use another broker.");
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }
}
