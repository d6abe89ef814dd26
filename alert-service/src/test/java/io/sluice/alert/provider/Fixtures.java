package io.sluice.alert.provider;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.ProviderSpec;

import java.time.Instant;
import java.util.Map;

final class Fixtures {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private Fixtures() {
    }

    static Provider provider(String type, String address, String channel, String username, String timeout) {
        ProviderSpec spec = new ProviderSpec();
        spec.setType(type);
        spec.setAddress(address);
        spec.setChannel(channel);
        spec.setUsername(username);
        spec.setTimeout(timeout);
        Provider provider = new Provider();
        provider.setMetadata(new ObjectMetaBuilder().withName("team").withNamespace("flux-system").build());
        provider.setSpec(spec);
        return provider;
    }

    static Notification notification(Severity severity) {
        return new Notification(ObjectKey.of("Kustomization", "flux-system", "podinfo"), severity,
                severity == Severity.ERROR ? "HealthCheckFailed" : "ReconciliationSucceeded",
                severity == Severity.ERROR ? "Deployment/apps/podinfo not ready" : "Deployment/apps/podinfo configured",
                "main@sha1:" + SHA, Map.of("env", "prod"), "Production cluster",
                "https://github.com/org/repo/commit/" + SHA, Instant.parse("2026-11-28T00:00:00Z"), "apply-service");
    }
}
