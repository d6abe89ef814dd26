package io.sluice.alert.routing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.alert.provider.NotificationProviders;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.ProviderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTableBuilderTest {

    private static final ObjectKey APP = ObjectKey.of("Kustomization", "flux-system", "podinfo");
    private final RoutingTableBuilder builder = new RoutingTableBuilder(NotificationProviders::create);

    static Provider provider(String name, String type, String address, String secret) {
        ProviderSpec spec = new ProviderSpec();
        spec.setType(type);
        spec.setAddress(address);
        if (secret != null) {
            LocalObjectReference ref = new LocalObjectReference();
            ref.setName(secret);
            spec.setSecretRef(ref);
        }
        Provider provider = new Provider();
        provider.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("flux-system").build());
        provider.setSpec(spec);
        return provider;
    }

    static Alert alert(String name, String provider, String... exclusions) {
        AlertSpec spec = new AlertSpec();
        LocalObjectReference ref = new LocalObjectReference();
        ref.setName(provider);
        spec.setProviderRef(ref);
        CrossNamespaceObjectReference source = new CrossNamespaceObjectReference();
        source.setKind("Kustomization");
        source.setName("*");
        spec.setEventSources(List.of(source));
        spec.setExclusionList(List.of(exclusions));
        Alert alert = new Alert();
        alert.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("flux-system").build());
        alert.setSpec(spec);
        return alert;
    }

    private static ObjectEvent event() {
        return new ObjectEvent(APP, Severity.INFO, "ReconciliationSucceeded", "applied", null, Map.of(), Instant.now(), "apply-service");
    }

    private static Optional<Map<String, String>> noSecrets(ObjectKey key) {
        return Optional.empty();
    }

    @Test
    void validAlertRoutesToItsProvider() {
        RoutingTable table = builder.build(List.of(alert("ops", "slack")),
                List.of(provider("slack", "slack", null, "slack-url")),
                key -> key.equals(ObjectKey.of("Secret", "flux-system", "slack-url"))
                        ? Optional.of(Map.of("address", "https://hooks.slack.com/services/T/B/X")) : Optional.empty());
        assertThat(table.problems()).isEmpty();
        assertThat(table.matching(event(), Map.of())).singleElement().satisfies(match -> {
            assertThat(match.alertKey()).isEqualTo(ObjectKey.of("Alert", "flux-system", "ops"));
            assertThat(match.route().provider()).isEqualTo(ObjectKey.of("Provider", "flux-system", "slack"));
            assertThat(match.route().type()).isEqualTo("slack");
        });
    }

    @Test
    void everyKindOfInvalidObjectIsAProblemNamingObjectAndField() {
        RoutingTable table = builder.build(
                List.of(alert("bad-regex", "generic", "([unclosed"), alert("orphan", "nowhere"), alert("on-missing-secret", "needs-secret")),
                List.of(provider("generic", "generic", "https://example.com/hook", null),
                        provider("needs-secret", "slack", null, "gone"),
                        provider("unknown", "carrier-pigeon", "https://example.com", null),
                        provider("no-address", "msteams", null, null)),
                RoutingTableBuilderTest::noSecrets);
        assertThat(table.problems()).extracting(p -> p.object().subject() + " " + p.reason()).containsExactly(
                "Provider/flux-system/needs-secret InvalidProvider",
                "Provider/flux-system/no-address InvalidProvider",
                "Provider/flux-system/unknown InvalidProvider",
                "Alert/flux-system/bad-regex InvalidAlert",
                "Alert/flux-system/orphan InvalidAlert");
        assertThat(table.problems().get(0).message()).contains("spec.secretRef names Secret/flux-system/gone, which does not exist");
        assertThat(table.problems().get(1).message()).contains("no address");
        assertThat(table.problems().get(2).message()).contains("spec.type 'carrier-pigeon' is not supported");
        assertThat(table.problems().get(3).message()).contains("spec.exclusionList[0]", "([unclosed");
        assertThat(table.problems().get(4).message()).contains("spec.providerRef names Provider/flux-system/nowhere");
        // the Alert on the broken Provider is left out without a second problem; nothing routes
        assertThat(table.matching(event(), Map.of())).isEmpty();
    }

    @Test
    void suspendedObjectsAreLeftOutQuietly() {
        Alert suspendedAlert = alert("quiet", "generic");
        suspendedAlert.getSpec().setSuspend(true);
        Provider suspendedProvider = provider("paused", "generic", "https://example.com/hook", "missing");
        suspendedProvider.getSpec().setSuspend(true);
        RoutingTable table = builder.build(List.of(suspendedAlert, alert("to-paused", "paused")),
                List.of(provider("generic", "generic", "https://example.com/hook", null), suspendedProvider),
                RoutingTableBuilderTest::noSecrets);
        assertThat(table.problems()).isEmpty();
        assertThat(table.matching(event(), Map.of())).isEmpty();
    }

    @Test
    void aBrokenAlertNeverSilencesTheOthers() {
        RoutingTable table = builder.build(List.of(alert("bad", "generic", "("), alert("good", "generic")),
                List.of(provider("generic", "generic", "https://example.com/hook", null)), RoutingTableBuilderTest::noSecrets);
        assertThat(table.matching(event(), Map.of())).extracting(RoutingTable.Match::alertKey)
                .containsExactly(ObjectKey.of("Alert", "flux-system", "good"));
    }
}
