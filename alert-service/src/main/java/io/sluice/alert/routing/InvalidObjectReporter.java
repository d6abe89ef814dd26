package io.sluice.alert.routing;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells people about Alerts and Providers that cannot be used: each problem is logged once (WARN, with the
 * object and the reason) and published once as an error {@link ObjectEvent} about the object on
 * {@code sluice.events}. The same problem found again by a later rebuild is not repeated; a different one
 * about the same object is; a fixed object is logged as usable again.
 */
@ApplicationScoped
public class InvalidObjectReporter {

    static final String CONTROLLER = "alert-service";

    private static final Logger LOG = Logger.getLogger(InvalidObjectReporter.class);

    private final EventPublisher publisher;
    private final Map<ObjectKey, String> reported = new HashMap<>();

    InvalidObjectReporter(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** The problems of the newest routing table (all of them, not only the new ones). */
    public synchronized void report(List<Problem> problems) {
        Set<ObjectKey> current = problems.stream().map(Problem::object).collect(Collectors.toSet());
        reported.keySet().removeIf(object -> {
            if (!current.contains(object)) {
                LOG.infof("%s is usable again", object);
                return true;
            }
            return false;
        });
        for (Problem problem : problems) {
            if (problem.message().equals(reported.get(problem.object()))) {
                continue;
            }
            reported.put(problem.object(), problem.message());
            LOG.warnf("%s left out (%s): %s", problem.object(), problem.reason(), problem.message());
            ObjectEvent event = new ObjectEvent(problem.object(), Severity.ERROR, problem.reason(), problem.message(),
                    null, Map.of(), Instant.now(), CONTROLLER);
            publisher.publish(event).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.errorf("Could not publish the error event about %s: %s", problem.object(), error.getMessage());
                }
            });
        }
    }
}
