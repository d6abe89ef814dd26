package io.sluice.alert.routing;

import io.sluice.alert.provider.DeliveryException;
import io.sluice.alert.provider.NotificationProvider;
import io.sluice.alert.provider.ProviderSecret;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Provider;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a Provider's sender once and hands out the same one while neither the Provider (its
 * {@code resourceVersion}) nor its Secret's data changed. Every rebuild of the routing table would otherwise
 * open new HTTP clients for every Provider, though usually only one object changed. Used from the one
 * rebuild thread; synchronized anyway.
 */
final class ReusingProviderFactory implements RoutingTableBuilder.ProviderFactory {

    private record Built(String resourceVersion, ProviderSecret secret, NotificationProvider sender) {
    }

    private final RoutingTableBuilder.ProviderFactory factory;
    private final Map<ObjectKey, Built> built = new HashMap<>();

    ReusingProviderFactory(RoutingTableBuilder.ProviderFactory factory) {
        this.factory = factory;
    }

    @Override
    public synchronized NotificationProvider create(Provider provider, ProviderSecret secret) throws DeliveryException {
        ObjectKey key = RoutingTableBuilder.key(Provider.KIND, provider);
        String version = provider.getMetadata().getResourceVersion();
        Built previous = built.get(key);
        if (previous != null && version != null && version.equals(previous.resourceVersion())
                && Objects.equals(secret, previous.secret())) {
            return previous.sender();
        }
        built.remove(key);
        NotificationProvider sender = factory.create(provider, secret);
        built.put(key, new Built(version, secret, sender));
        return sender;
    }
}
