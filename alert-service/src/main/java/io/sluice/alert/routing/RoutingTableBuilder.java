package io.sluice.alert.routing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sluice.alert.filter.AlertMatcher;
import io.sluice.alert.filter.AlertRouter;
import io.sluice.alert.filter.InvalidAlertException;
import io.sluice.alert.provider.DeliveryException;
import io.sluice.alert.provider.NotificationProvider;
import io.sluice.alert.provider.NotificationProviders;
import io.sluice.alert.provider.ProviderSecret;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.ProviderSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link RoutingTable} from the Alerts, Providers and Secrets as they are now. Pure: the caller
 * passes what the informers hold, so it is tested without a cluster.
 *
 * <ul>
 *   <li>A suspended Provider or Alert is left out quietly (that is what suspend is for).</li>
 *   <li>A Provider whose {@code secretRef} names a missing Secret, whose type is unknown, or whose spec and
 *       Secret lack what its type needs (address, token, recipients, ...) is a {@link Problem}.</li>
 *   <li>An Alert whose spec cannot be compiled (bad regex, bad severity, no event sources), that names no
 *       Provider or a Provider that does not exist is a {@link Problem}. An Alert whose Provider is itself a
 *       problem is left out; the Provider's problem says why.</li>
 * </ul>
 * Objects are visited in namespace/name order, so problems come out in a stable order.
 */
public final class RoutingTableBuilder {

    /** Builds the sender of one Provider; {@link NotificationProviders#create} in the service. */
    @FunctionalInterface
    public interface ProviderFactory {
        NotificationProvider create(Provider provider, ProviderSecret secret) throws DeliveryException;
    }

    private final ProviderFactory factory;

    public RoutingTableBuilder(ProviderFactory factory) {
        this.factory = factory;
    }

    /**
     * @param secrets the decoded data of a Secret by {@code Secret/<namespace>/<name>}, empty when it does not exist
     */
    public RoutingTable build(List<Alert> alerts, List<Provider> providers,
                              Function<ObjectKey, Optional<Map<String, String>>> secrets) {
        List<Problem> problems = new ArrayList<>();
        Map<ObjectKey, Route> providerRoutes = new HashMap<>();
        Map<ObjectKey, Provider> known = new HashMap<>();
        for (Provider provider : sorted(providers)) {
            ObjectKey key = key(Provider.KIND, provider);
            known.put(key, provider);
            ProviderSpec spec = provider.getSpec() == null ? new ProviderSpec() : provider.getSpec();
            if (Boolean.TRUE.equals(spec.getSuspend())) {
                continue;
            }
            Optional<ProviderSecret> secret = secret(key, spec, secrets, problems);
            if (secret.isEmpty()) {
                continue;
            }
            try {
                providerRoutes.put(key, new Route(key, factory.create(provider, secret.get())));
            } catch (DeliveryException e) {
                problems.add(new Problem(key, Problem.INVALID_PROVIDER, e.getMessage()));
            }
        }

        List<Alert> usable = new ArrayList<>();
        Map<ObjectKey, Route> routes = new HashMap<>();
        for (Alert alert : sorted(alerts)) {
            ObjectKey key = key(Alert.KIND, alert);
            AlertSpec spec = alert.getSpec() == null ? new AlertSpec() : alert.getSpec();
            if (Boolean.TRUE.equals(spec.getSuspend())) {
                continue;
            }
            try {
                new AlertMatcher(alert); // compiles sources, severity and patterns; the router compiles again
            } catch (InvalidAlertException e) {
                problems.add(new Problem(key, Problem.INVALID_ALERT, e.getMessage()));
                continue;
            }
            String providerName = spec.getProviderRef() == null ? null : spec.getProviderRef().getName();
            if (providerName == null || providerName.isBlank()) {
                problems.add(new Problem(key, Problem.INVALID_ALERT,
                        key + ": spec.providerRef.name is empty; name a Provider in namespace " + key.namespace()));
                continue;
            }
            ObjectKey providerKey = ObjectKey.of(Provider.KIND, key.namespace(), providerName);
            if (!known.containsKey(providerKey)) {
                problems.add(new Problem(key, Problem.INVALID_ALERT, key + ": spec.providerRef names " + providerKey
                        + ", which does not exist; create it or fix spec.providerRef.name"));
                continue;
            }
            Route route = providerRoutes.get(providerKey);
            if (route != null) {
                usable.add(alert);
                routes.put(key, route);
            }
        }
        return new RoutingTable(new AlertRouter(usable), routes, problems);
    }

    private static Optional<ProviderSecret> secret(ObjectKey provider, ProviderSpec spec,
                                                   Function<ObjectKey, Optional<Map<String, String>>> secrets,
                                                   List<Problem> problems) {
        if (spec.getSecretRef() == null || spec.getSecretRef().getName() == null || spec.getSecretRef().getName().isBlank()) {
            return Optional.of(ProviderSecret.NONE);
        }
        ObjectKey secretKey = ObjectKey.of("Secret", provider.namespace(), spec.getSecretRef().getName());
        Optional<Map<String, String>> data = secrets.apply(secretKey);
        if (data.isEmpty()) {
            problems.add(new Problem(provider, Problem.INVALID_PROVIDER, provider + ": spec.secretRef names " + secretKey
                    + ", which does not exist; create it (keys address, token, username, password as the type needs)"
                    + " or fix spec.secretRef.name"));
            return Optional.empty();
        }
        return Optional.of(new ProviderSecret(data.get()));
    }

    /** {@code <kind>/<namespace>/<name>} of an object; a missing namespace is {@code default}. */
    public static ObjectKey key(String kind, HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return ObjectKey.of(kind, namespace == null || namespace.isBlank() ? "default" : namespace, object.getMetadata().getName());
    }

    private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
        return objects.stream().sorted(Comparator.comparing((T o) -> String.valueOf(o.getMetadata().getNamespace()))
                .thenComparing(o -> o.getMetadata().getName())).toList();
    }
}
