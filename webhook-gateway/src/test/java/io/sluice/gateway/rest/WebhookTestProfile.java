package io.sluice.gateway.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The webhook endpoint tests run in their own profile, so they get their own Kafka broker and sandbox cluster
 * (Quarkus restarts test resources per profile): their events cannot mix with other test classes' records, and a
 * short resync lets a Secret created after its Receiver take effect within the test.
 */
public class WebhookTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sluice.gateway.receivers.resync", "1s");
    }
}
