package io.sluice.kit.topics;

import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The properties of the Admin client used for provisioning: the service's Kafka client settings (security,
 * TLS, SASL: whatever {@code kafka.*} holds) restricted to what an Admin client understands, plus the
 * bootstrap servers and timeouts.
 */
final class AdminSettings {

    private AdminSettings() {
    }

    static Map<String, Object> from(Map<String, Object> kafkaConfig, String bootstrapServers, String serviceName, Duration timeout) {
        Set<String> adminKeys = AdminClientConfig.configNames();
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (adminKeys.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-topic-provisioner");
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return props;
    }
}
