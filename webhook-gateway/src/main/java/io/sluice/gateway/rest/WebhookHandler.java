package io.sluice.gateway.rest;

import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.payload.GitPush;
import io.sluice.gateway.payload.ImagePush;
import io.sluice.gateway.payload.MalformedPayloadException;
import io.sluice.gateway.payload.ParsedPayload;
import io.sluice.gateway.payload.PayloadParser;
import io.sluice.gateway.payload.PayloadParsers;
import io.sluice.gateway.receiver.ActiveReceiver;
import io.sluice.gateway.receiver.ReceiverRegistry;
import io.sluice.gateway.receiver.ResourceResolver;
import io.sluice.gateway.verify.VerificationException;
import io.sluice.gateway.verify.Verifiers;
import io.sluice.gateway.verify.WebhookRequest;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Handles one webhook delivery, in the order that gives each bad input its own answer:
 * <ol>
 *   <li>no Receiver at the path → 404 (before reading the body);</li>
 *   <li>Receiver suspended → 503, as in Flux;</li>
 *   <li>body over {@code sluice.gateway.max-body-size} → 413 (read with a bound, never buffered beyond it);</li>
 *   <li>signature or token missing or wrong → 401 with the reason;</li>
 *   <li>a ping → 200 {@code pong};</li>
 *   <li>event type not in {@code spec.events} → 200 {@code ignored};</li>
 *   <li>body not the sender's JSON → 400 with the reason;</li>
 *   <li>delivery id already accepted → 202, nothing published;</li>
 *   <li>otherwise publish GitPushed / ImagePushed and one ReconcileRequested per object in {@code spec.resources},
 *       wait until Kafka acknowledged all of them → 202 (Kafka failed → 503, and the delivery id is forgotten so
 *       a retry is processed).</li>
 * </ol>
 * Logs name the Receiver, the event type and the delivery id; never the body, a token or a signature.
 */
@ApplicationScoped
@Startup // reads and checks its settings at start-up, so a bad value stops the service instead of the first webhook
public class WebhookHandler {

    private static final Logger LOG = Logger.getLogger(WebhookHandler.class);
    static final String REQUESTED_BY = "webhook-gateway";

    private final ReceiverRegistry receivers;
    private final ResourceResolver resolver;
    private final EventPublisher publisher;
    private final WebhookMetrics metrics;
    private final StageTimer stageTimer;
    private final Clock clock;
    private final int maxBodySize;
    private final Duration publishTimeout;
    private final DeliveryDedupe dedupe;

    WebhookHandler(ReceiverRegistry receivers, ResourceResolver resolver, EventPublisher publisher, WebhookMetrics metrics,
                   StageTimer stageTimer, GatewayConfig config) {
        if (config.maxBodySize() < 1) {
            throw new IllegalArgumentException("sluice.gateway.max-body-size must be a positive number of bytes, got " + config.maxBodySize());
        }
        this.receivers = receivers;
        this.resolver = resolver;
        this.publisher = publisher;
        this.metrics = metrics;
        this.stageTimer = stageTimer;
        this.clock = Clock.systemUTC();
        this.maxBodySize = config.maxBodySize();
        this.publishTimeout = config.publishTimeout();
        this.dedupe = new DeliveryDedupe(config.dedupe().maxEntries(), config.dedupe().ttl(), clock);
    }

    /**
     * @param path          the request path, {@code /hook/<hex>}
     * @param headers       the request headers
     * @param contentLength the declared body length, or -1
     * @param body          the body, read here with a bound
     */
    public WebhookResponse handle(String path, Map<String, List<String>> headers, long contentLength, InputStream body) {
        long started = System.nanoTime();
        ActiveReceiver receiver = receivers.find(path).orElse(null);
        WebhookResponse response = receiver == null
                ? new WebhookResponse(WebhookOutcome.NOT_FOUND, "no Receiver is served at this path; check status.webhookPath of the Receiver")
                : handle(receiver, headers, contentLength, body);
        if (response.outcome() == WebhookOutcome.ACCEPTED) {
            // the gateway's share of push-to-applied: read, verify, parse, publish and wait for the broker's ack
            stageTimer.record("webhook", Duration.ofNanos(System.nanoTime() - started));
        }
        metrics.count(response.outcome(), receiver == null ? "unknown" : receiver.type().id());
        if (receiver != null) {
            LOG.debugf("%s: %d %s", receiver.key(), response.outcome().status(), response.message());
        }
        return response;
    }

    private WebhookResponse handle(ActiveReceiver receiver, Map<String, List<String>> headers, long contentLength, InputStream in) {
        if (receiver.suspended()) {
            return new WebhookResponse(WebhookOutcome.UNAVAILABLE, receiver.key() + " is suspended (spec.suspend: true)");
        }
        byte[] bytes;
        try {
            bytes = BoundedBody.read(in, contentLength, maxBodySize);
        } catch (BodyTooLargeException e) {
            return new WebhookResponse(WebhookOutcome.TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            return new WebhookResponse(WebhookOutcome.BAD_REQUEST, "could not read the request body");
        }
        WebhookRequest request = WebhookRequest.ofMultiValued(headers, bytes);
        try {
            Verifiers.forType(receiver.type()).verify(request, receiver.token());
        } catch (VerificationException e) {
            LOG.infof("%s: rejected a request: %s", receiver.key(), e.getMessage());
            return new WebhookResponse(WebhookOutcome.UNAUTHORIZED, e.getMessage());
        }
        PayloadParser parser = PayloadParsers.forType(receiver.type(), receiver.nexusRegistry());
        if (parser.isPing(request)) {
            return new WebhookResponse(WebhookOutcome.PING, "pong");
        }
        String eventType = parser.eventType(request);
        if (!receiver.accepts(eventType)) {
            return new WebhookResponse(WebhookOutcome.IGNORED, "ignored");
        }
        ParsedPayload payload;
        try {
            payload = parser.parse(request);
        } catch (MalformedPayloadException e) {
            return new WebhookResponse(WebhookOutcome.BAD_REQUEST, e.getMessage());
        }
        String dedupeKey = payload.deliveryId() == null ? null : receiver.key().subject() + "#" + payload.deliveryId();
        if (dedupeKey != null && !dedupe.claim(dedupeKey)) {
            LOG.infof("%s: delivery %s was already accepted; nothing published again", receiver.key(), payload.deliveryId());
            return new WebhookResponse(WebhookOutcome.DUPLICATE, "delivery " + payload.deliveryId() + " was already accepted");
        }
        WebhookResponse response = publish(receiver, eventType, payload);
        if (dedupeKey != null && response.outcome() != WebhookOutcome.ACCEPTED) {
            dedupe.release(dedupeKey);
        }
        return response;
    }

    private WebhookResponse publish(ActiveReceiver receiver, String eventType, ParsedPayload payload) {
        List<ObjectKey> objects;
        try {
            objects = resolver.resolve(receiver);
        } catch (ResourceResolver.UnresolvableResourceException e) {
            LOG.warnf("%s: %s", receiver.key(), e.getMessage());
            return new WebhookResponse(WebhookOutcome.ERROR, e.getMessage());
        }
        Instant now = clock.instant();
        String deliveryId = payload.deliveryId() != null ? payload.deliveryId() : "sluice-" + UUID.randomUUID();
        List<SluiceEvent> events = new ArrayList<>();
        for (GitPush push : payload.gitPushes()) {
            events.add(new GitPushed(push.provider(), push.repository(), push.ref(), push.before(), push.after(), deliveryId, now));
        }
        for (ImagePush push : payload.imagePushes()) {
            events.add(new ImagePushed(push.registry(), push.repository(), push.tag(), push.digest(), now));
        }
        for (ObjectKey object : objects) {
            events.add(new ReconcileRequested(object, now, REQUESTED_BY));
        }
        CompletableFuture<?>[] sent = events.stream().map(event -> publisher.publish(event).toCompletableFuture()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String cause = e instanceof TimeoutException ? "no acknowledgement within " + publishTimeout.toMillis() + " ms" : e.getCause().getMessage();
            LOG.warnf("%s: Kafka did not accept the events of delivery %s: %s", receiver.key(), deliveryId, cause);
            return new WebhookResponse(WebhookOutcome.UNAVAILABLE, "Kafka did not accept the events (" + cause + "); retry the delivery");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookResponse(WebhookOutcome.UNAVAILABLE, "interrupted while publishing; retry the delivery");
        }
        String summary = "accepted " + (eventType == null ? "" : "'" + eventType + "' ") + "delivery " + deliveryId + ": "
                + payload.gitPushes().size() + " git push(es), " + payload.imagePushes().size() + " image push(es), "
                + objects.size() + " reconcile request(s)";
        LOG.infof("%s: %s", receiver.key(), summary);
        return new WebhookResponse(WebhookOutcome.ACCEPTED, summary);
    }
}
