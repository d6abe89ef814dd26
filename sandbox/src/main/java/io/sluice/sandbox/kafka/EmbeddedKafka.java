package io.sluice.sandbox.kafka;

import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.PortInUseException;
import io.sluice.sandbox.TempDirectories;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A single-node KRaft Kafka broker in this JVM, on 127.0.0.1, storing its log in a temporary
 * directory that {@link #close()} deletes. It is a SANDBOX: one replica, no security, data lost on close.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerSettings settings;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(BrokerSettings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Starts a broker on a free loopback port. */
    public static EmbeddedKafka start() {
        return launch(LoopbackPorts.free());
    }

    /**
     * Starts a broker on {@code port} (as {@code sluice up} does, so services find it at a known address).
     *
     * @throws PortInUseException when the port is taken; checked before anything is written to disk
     */
    public static EmbeddedKafka start(int port) {
        LoopbackPorts.requireFree(port, "Kafka broker");
        return launch(port);
    }

    private static EmbeddedKafka launch(int brokerPort) {
        long started = System.nanoTime();
        Path dir = TempDirectories.create("sluice-sandbox-kafka-");
        BrokerSettings settings = new BrokerSettings(brokerPort, LoopbackPorts.free(), dir);
        KafkaRaftServer server = null;
        try {
            format(settings);
            server = new KafkaRaftServer(new KafkaConfig(settings.toProperties(), false), Time.SYSTEM);
            server.startup();
            awaitReady(settings);
        } catch (Exception | LinkageError e) {
            stopQuietly(server);
            TempDirectories.deleteRecursively(dir);
            throw new IllegalStateException("The sandbox Kafka broker did not start on " + settings.bootstrapServers()
                    + " (log dir " + dir + "): " + e.getMessage(), e);
        }
        LOG.infof("SANDBOX Kafka broker (embedded, single node, data deleted on stop) ready on %s in %d ms",
                settings.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new EmbeddedKafka(settings, server);
    }

    /** Writes the KRaft meta.properties and bootstrap checkpoint the broker refuses to start without. */
    private static void format(BrokerSettings settings) throws Exception {
        String dir = settings.logDirectory().toString();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(BrokerSettings.NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir))
                .setMetadataLogDirectory(dir)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                .run();
    }

    /** startup() returns before the broker is unfenced; a metadata round trip proves clients can use it. */
    private static void awaitReady(BrokerSettings settings) throws Exception {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Sandbox Kafka broker did not stop cleanly after a failed start", e);
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The port clients connect to. */
    public int port() {
        return settings.brokerPort();
    }

    /** Stops the broker and deletes its log directory. Calling it twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            TempDirectories.deleteRecursively(settings.logDirectory());
        }
        LOG.infof("SANDBOX Kafka broker on %s stopped; its data is deleted", settings.bootstrapServers());
    }
}
