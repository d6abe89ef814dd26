package io.sluice.alert.dispatch;

import io.sluice.alert.cluster.ClusterObjects;
import io.sluice.alert.config.AlertConfig;
import io.sluice.alert.dedupe.RecoveryTracker;
import io.sluice.alert.dedupe.StormGuard;
import io.sluice.alert.provider.Notification;
import io.sluice.alert.routing.RoutingTable;
import io.sluice.alert.routing.RoutingTables;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.notification.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to each event read from {@code sluice.events}, in order:
 * <ol>
 *   <li><b>recovery</b> ({@link RecoveryTracker}): an info event that ends an object's failure becomes one
 *       "Recovered" notice, sent to every Alert that wants the object whatever its {@code eventSeverity};</li>
 *   <li><b>routing</b> ({@link RoutingTable}): the Alerts that want the event (sources, severity,
 *       inclusion/exclusion, suspend), each with its Provider; the Alert's {@code eventMetadata} and
 *       {@code summary} are added, and a commit link when the source is on GitHub or GitLab;</li>
 *   <li><b>storm guard</b> ({@link StormGuard}): per Provider, the same event within the window is sent once,
 *       and the Provider's rate limit applies;</li>
 *   <li><b>delivery</b> ({@link Dispatcher}): handed to the Provider's own queue and sent from there, so the
 *       Kafka thread returns at once.</li>
 * </ol>
 */
@ApplicationScoped
public class AlertPipeline {

    private static final Logger LOG = Logger.getLogger(AlertPipeline.class);
    /** Stands in for "no Alert" where a notification is built only to feed the recovery tracker. */
    private static final Alert NO_ALERT = new Alert();

    private final RoutingTables tables;
    private final ClusterObjects cluster;
    private final Dispatcher dispatcher;
    private final AlertMetrics metrics;
    private final AlertConfig config;
    private final StormGuard stormGuard;
    private final RecoveryTracker recovery = new RecoveryTracker();
    private volatile boolean synced;

    AlertPipeline(RoutingTables tables, ClusterObjects cluster, Dispatcher dispatcher, AlertMetrics metrics, AlertConfig config) {
        this.tables = tables;
        this.cluster = cluster;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.config = config;
        AlertConfig.Storm storm = config.storm();
        this.stormGuard = new StormGuard(Clock.systemUTC(), new StormGuard.Settings(storm.window(), storm.rate(), storm.ratePeriod()));
    }

    /** Routes one event; returns once every notification is queued (never waits for a Provider). */
    public void handle(ConsumerRecord<String, byte[]> record, ObjectEvent event) {
        waitForFirstSync();
        RoutingTable table = tables.current();
        Map<String, String> labels = cluster.labels(event.involvedObject());
        String sourceUrl = sourceUrl(event);
        Optional<Notification> recovered = recovery.observe(Notification.of(event, NO_ALERT, sourceUrl));
        if (recovered.isPresent()) {
            ObjectEvent notice = recoveredEvent(event, recovered.get());
            for (RoutingTable.Match match : table.matchingIgnoringSeverity(event, labels)) {
                send(match, Notification.of(notice, match.alert(), sourceUrl), record);
            }
            return;
        }
        List<RoutingTable.Match> matches = table.matching(event, labels);
        if (matches.isEmpty()) {
            LOG.debugf("No Alert wants %s %s", event.involvedObject(), event.reason());
        }
        for (RoutingTable.Match match : matches) {
            send(match, Notification.of(event, match.alert(), sourceUrl), record);
        }
    }

    private void send(RoutingTable.Match match, Notification notification, ConsumerRecord<String, byte[]> record) {
        Optional<String> skip = match.route().sender().skipReason(notification);
        if (skip.isPresent()) {
            metrics.suppressed(AlertMetrics.NO_COMMIT);
            LOG.debugf("%s skips %s %s: %s", match.route().provider(), notification.object(), notification.reason(), skip.get());
            return;
        }
        StormGuard.Decision decision = stormGuard.admit(match.route().provider().subject(), notification);
        if (decision instanceof StormGuard.Decision.Send send) {
            dispatcher.submit(match.route(), match.alertKey(), send.notification(), record);
        } else if (decision instanceof StormGuard.Decision.Duplicate duplicate) {
            metrics.suppressed(AlertMetrics.DUPLICATE);
            LOG.debugf("%s %s already went to %s at %s; not sent again within %s", notification.object(), notification.reason(),
                    match.route().provider(), duplicate.sentAt(), config.storm().window());
        } else if (decision instanceof StormGuard.Decision.RateLimited limited) {
            metrics.suppressed(AlertMetrics.RATE_LIMITED);
            LOG.infof("%s is over its rate limit (%d per %s); %s %s not sent", limited.provider(), config.storm().rate(),
                    config.storm().ratePeriod(), notification.object(), notification.reason());
        }
    }

    /** Where the commit link comes from: the event's {@code source_url} metadata, else the cluster's GitRepository. */
    private String sourceUrl(ObjectEvent event) {
        String fromEvent = event.metadata().get("source_url");
        if (fromEvent != null && !fromEvent.isBlank()) {
            return fromEvent;
        }
        return cluster.sourceUrl(event.involvedObject()).orElse(null);
    }

    private static ObjectEvent recoveredEvent(ObjectEvent event, Notification recovered) {
        Map<String, String> metadata = new HashMap<>(event.metadata());
        metadata.put("recoveredFrom", recovered.metadata().get("recoveredFrom"));
        return new ObjectEvent(event.involvedObject(), Severity.INFO, RecoveryTracker.RECOVERED, recovered.message(),
                event.revision(), metadata, event.timestamp(), event.reportingController());
    }

    private void waitForFirstSync() {
        if (synced) {
            return;
        }
        if (!tables.awaitFirstSync(config.syncTimeout())) {
            LOG.warnf("Alerts and Providers not read from the Kubernetes API within %s (sluice.alerts.sync-timeout);"
                    + " routing events with what is known so far", config.syncTimeout());
        }
        synced = true;
    }
}
