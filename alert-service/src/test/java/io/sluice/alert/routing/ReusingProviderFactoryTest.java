package io.sluice.alert.routing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.alert.provider.NotificationProvider;
import io.sluice.alert.provider.NotificationProviders;
import io.sluice.alert.provider.ProviderSecret;
import io.sluice.api.notification.Provider;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReusingProviderFactoryTest {

    private final AtomicInteger builds = new AtomicInteger();
    private final ReusingProviderFactory factory = new ReusingProviderFactory((provider, secret) -> {
        builds.incrementAndGet();
        return NotificationProviders.create(provider, secret);
    });

    private static Provider version(String resourceVersion) {
        Provider provider = RoutingTableBuilderTest.provider("hook", "generic", null, "hook");
        provider.setMetadata(new ObjectMetaBuilder(provider.getMetadata()).withResourceVersion(resourceVersion).build());
        return provider;
    }

    private static ProviderSecret secret(String address) {
        return new ProviderSecret(Map.of("address", address));
    }

    @Test
    void unchangedProviderAndSecretReuseTheSender() throws Exception {
        NotificationProvider first = factory.create(version("1"), secret("https://example.com/a"));
        assertThat(factory.create(version("1"), secret("https://example.com/a"))).isSameAs(first);
        assertThat(builds).hasValue(1);
    }

    @Test
    void aChangedProviderOrSecretBuildsANewOne() throws Exception {
        NotificationProvider first = factory.create(version("1"), secret("https://example.com/a"));
        assertThat(factory.create(version("2"), secret("https://example.com/a"))).isNotSameAs(first);
        assertThat(factory.create(version("2"), secret("https://example.com/b"))).isNotNull();
        assertThat(builds).hasValue(3);
    }

    @Test
    void secretsCompareByDataButNeverPrintIt() {
        assertThat(secret("https://example.com/a")).isEqualTo(secret("https://example.com/a")).isNotEqualTo(secret("https://example.com/b"));
        assertThat(secret("https://example.com/a").toString()).doesNotContain("example.com");
    }
}
