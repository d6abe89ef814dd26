package io.sluice.alert.dispatch;

import io.quarkus.runtime.ShutdownEvent;
import io.sluice.alert.config.AlertConfig;
import io.sluice.alert.provider.Backoff;
import io.sluice.alert.provider.DeliveryException;
import io.sluice.alert.provider.Notification;
import io.sluice.alert.provider.RetryingDelivery;
import io.sluice.alert.routing.Route;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.metrics.StageTimer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Sends notifications off the Kafka thread: each goes to its Provider's queue ({@link ProviderQueues}) and is
 * delivered there with retries ({@link RetryingDelivery}, exponential backoff on timeouts, connection errors,
 * 5xx and 429). What cannot be delivered (retries used up, a permanent error, a full queue, the service
 * stopping first) goes to the dead-letter topic ({@link DeadLetters}); nothing is dropped silently.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final ProviderQueues queues;
    private final Backoff backoff;
    private final DeadLetters deadLetters;
    private final AlertMetrics metrics;
    private final StageTimer stageTimer;

    Dispatcher(AlertConfig config, DeadLetters deadLetters, AlertMetrics metrics, StageTimer stageTimer) {
        AlertConfig.Delivery delivery = config.delivery();
        this.queues = new ProviderQueues(delivery.queueCapacity());
        this.backoff = new Backoff(delivery.maxAttempts(), delivery.initialBackoff(), delivery.maxBackoff(), 2.0);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.stageTimer = stageTimer;
    }

    /**
     * One notification for one Provider, and the record of the event it is about; {@code submittedNanos} is when
     * it was queued, so the notify stage includes the wait in the Provider's queue.
     */
    record Job(Route route, ObjectKey alert, Notification notification, ConsumerRecord<String, byte[]> origin,
               Dispatcher dispatcher, long submittedNanos) implements Runnable {
        @Override
        public void run() {
            dispatcher.deliver(this);
        }
    }

    /** Hands a notification to its Provider's queue; returns at once. */
    public void submit(Route route, ObjectKey alert, Notification notification, ConsumerRecord<String, byte[]> origin) {
        Job job = new Job(route, alert, notification, origin, this, System.nanoTime());
        if (!queues.submit(route.provider(), job)) {
            deadLetter(job, DeliveryException.permanent(route.provider() + ": its queue is full (sluice.alerts.delivery.queue-capacity"
                    + " notifications are waiting) or alert-service is stopping; the Provider is too slow or down"), 0);
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        List<Runnable> pending = queues.stop();
        if (!pending.isEmpty()) {
            LOG.warnf("Stopping with %d notification(s) not yet sent; they go to the dead-letter topic", pending.size());
        }
        for (Runnable runnable : pending) {
            if (runnable instanceof Job job) {
                deadLetter(job, DeliveryException.permanent("alert-service stopped before this notification was sent"), 0);
            }
        }
    }

    private void deliver(Job job) {
        Route route = job.route();
        RetryingDelivery delivery = new RetryingDelivery(backoff, RetryingDelivery.Sleeper.REAL,
                (provider, notification, error, attempts) -> deadLetter(job, error, attempts));
        RetryingDelivery.Outcome outcome = delivery.deliver(route.provider().subject(), route.sender()::send, job.notification());
        if (outcome instanceof RetryingDelivery.Outcome.Delivered delivered) {
            metrics.sent(route);
            // alert-service's share of the pipeline: queued, (re)tried, and answered by the receiver
            stageTimer.record("notify", Duration.ofNanos(System.nanoTime() - job.submittedNanos()));
            LOG.debugf("Sent %s %s to %s (%s) in %d attempt(s)", job.notification().object(), job.notification().reason(),
                    route.provider(), route.type(), delivered.attempts());
        }
    }

    private void deadLetter(Job job, DeliveryException error, int attempts) {
        metrics.failed(job.route());
        deadLetters.publish(new DeadLetter(job.origin(), job.route().provider(), job.route().type(), job.alert(), error, attempts));
    }
}
