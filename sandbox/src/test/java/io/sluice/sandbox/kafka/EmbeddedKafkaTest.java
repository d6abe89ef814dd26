package io.sluice.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.sandbox.PortInUseException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    @Test
    void producesAndConsumesThroughAnAutoCreatedTopic() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("EmbeddedKafka start took " + startMillis + " ms");
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("sluice.test", "GitRepository/default/app", "hello")).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>("sluice.test", "GitRepository/default/app", "world")).get(30, TimeUnit.SECONDS);
            }

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "sandbox-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of("sluice.test"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received.size() < 2 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertThat(received).extracting(ConsumerRecord::value).containsExactly("hello", "world");
            assertThat(received).extracting(ConsumerRecord::key).containsOnly("GitRepository/default/app");
        }
    }

    @Test
    void closeStopsTheBrokerAndDeletesItsData() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        int port = kafka.port();
        List<Path> before = sandboxDirectories();
        kafka.close();
        kafka.close(); // twice is harmless

        assertThat(sandboxDirectories()).hasSizeLessThan(before.size());
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("port released after close").isEqualTo(port);
        }
    }

    @Test
    void busyPortFailsFastNamingThePortAndLeavesNothingBehind() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();
            List<Path> before = sandboxDirectories();
            Thread[] threadsBefore = liveThreads();

            assertThatThrownBy(() -> EmbeddedKafka.start(port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("Kafka broker")
                    .hasMessageContaining("choose a different port")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(port));

            assertThat(sandboxDirectories()).as("no log directory formatted").isEqualTo(before);
            assertThat(liveThreads().length).as("no broker threads started").isLessThanOrEqualTo(threadsBefore.length);
            // The squatter still owns the port: we only probed it.
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(client.isConnected()).isTrue();
            }
        }
    }

    @Test
    void fixedPortIsUsedWhenFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void outOfRangePortIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafka.start(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }

    private static List<Path> sandboxDirectories() throws Exception {
        try (var stream = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return stream.filter(p -> p.getFileName().toString().startsWith("sluice-sandbox-kafka-")).sorted().toList();
        }
    }

    private static Thread[] liveThreads() {
        return Thread.getAllStackTraces().keySet().toArray(Thread[]::new);
    }
}
