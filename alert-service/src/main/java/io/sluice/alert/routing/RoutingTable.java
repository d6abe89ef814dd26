package io.sluice.alert.routing;

import io.sluice.alert.filter.AlertRouter;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;

import java.util.List;
import java.util.Map;

/**
 * The Alerts and Providers as last read from the cluster, compiled: which Alerts want an event
 * ({@link AlertRouter}) and the Provider each Alert sends to. Immutable; a change in the cluster builds a new one
 * ({@link RoutingTableBuilder}).
 *
 * @param router   the usable Alerts (not suspended, valid, with a usable Provider)
 * @param routes   Alert → its Provider
 * @param problems the Alerts and Providers left out, with the reason
 */
public record RoutingTable(AlertRouter router, Map<ObjectKey, Route> routes, List<Problem> problems) {

    public static final RoutingTable EMPTY = new RoutingTable(new AlertRouter(List.of()), Map.of(), List.of());

    public RoutingTable {
        routes = Map.copyOf(routes);
        problems = List.copyOf(problems);
    }

    /** One Alert's match for an event: the Alert and where it sends. */
    public record Match(Alert alert, ObjectKey alertKey, Route route) {
    }

    /** The Alerts that want this event (severity, sources, inclusion/exclusion, suspend) and their Providers. */
    public List<Match> matching(ObjectEvent event, Map<String, String> labels) {
        return withRoutes(router.matching(event, labels));
    }

    /** As {@link #matching}, without the severity filter: where a "recovered" notice about the object goes. */
    public List<Match> matchingIgnoringSeverity(ObjectEvent event, Map<String, String> labels) {
        return withRoutes(router.matchingIgnoringSeverity(event, labels));
    }

    private List<Match> withRoutes(List<Alert> alerts) {
        return alerts.stream().map(alert -> {
            ObjectKey key = RoutingTableBuilder.key(Alert.KIND, alert);
            return new Match(alert, key, routes.get(key));
        }).filter(match -> match.route() != null).toList();
    }
}
