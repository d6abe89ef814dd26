package io.sluice.sandbox.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of the sandbox broker: one KRaft node that is both broker and controller,
 * listening on loopback only, sized for tests rather than throughput.
 */
record BrokerSettings(int brokerPort, int controllerPort, Path logDirectory) {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // Static voters: the voter list names the controller port, so both ports are chosen up front.
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());

        // A single node can hold only one replica of anything, internal topics included.
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");

        // Lean: one partition per topic unless asked, few internal partitions, small segments,
        // a small cleaner buffer (the default reserves 128 MB of heap) and few threads.
        p.put("num.partitions", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("log.segment.bytes", String.valueOf(1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");

        // Tests want consumers to join at once and topics to appear on first use.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }
}
