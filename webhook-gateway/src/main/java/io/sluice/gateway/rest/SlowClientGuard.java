package io.sluice.gateway.rest;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.receiver.WebhookPath;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives every request before an endpoint sees it (the first handler of the HTTP router), so that slow and
 * greedy clients cannot hold the gateway's connections:
 * <ol>
 *   <li>a client address with {@code sluice.gateway.connections.max-per-address} requests in progress gets 429 for
 *       one more, and that connection is closed;</li>
 *   <li>the body is collected here, at most {@code sluice.gateway.max-body-size} + 1 bytes (none when the declared
 *       length is already larger), and must have arrived {@code sluice.gateway.connections.body-timeout} after the
 *       headers; otherwise the answer is 408 and the connection is closed. A client that sends the headers and
 *       stalls, or trickles the body to keep the connection from going idle, holds it no longer than that;</li>
 *   <li>only then does the endpoint run, with the collected body ({@link RoutingContext#setBody}, which Quarkus REST
 *       reads instead of the connection): time spent after the body arrived (verifying, waiting for Kafka) does not
 *       count, and an endpoint never runs for a request that was cut off. {@link WebhookHandler} still checks the
 *       size and answers 404 / 413 in its own order.</li>
 * </ol>
 * A connection that stalls before its headers are complete never becomes a request; Quarkus'
 * {@code quarkus.http.idle-timeout} closes it (application.properties sets it). Each cut is counted in
 * {@code sluice_webhook_requests_total{result="too_many_requests"|"body_timeout", type="unknown"}}; a 408 is logged every time, a 429 once per burst of refusals
 * from one address. Logs never carry a webhook path (it is as good as the token for path-only Receiver types).
 */
@ApplicationScoped
public class SlowClientGuard {

    private static final Logger LOG = Logger.getLogger(SlowClientGuard.class);
    /** Before Quarkus' upload-limit handler and every endpoint. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final RequestsPerAddress inProgress;
    private final Duration bodyTimeout;
    private final int maxBodySize;
    private final WebhookMetrics metrics;

    SlowClientGuard(GatewayConfig config, WebhookMetrics metrics) {
        Duration timeout = config.connections().bodyTimeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sluice.gateway.connections.body-timeout must be positive, got " + timeout);
        }
        this.inProgress = new RequestsPerAddress(config.connections().maxPerAddress());
        this.bodyTimeout = timeout;
        this.maxBodySize = config.maxBodySize();
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::receive);
    }

    private void receive(RoutingContext context) {
        HttpServerRequest request = context.request();
        String address = address(request);
        RequestsPerAddress.Admission admission = inProgress.tryAcquire(address);
        if (admission != RequestsPerAddress.Admission.ADMITTED) {
            if (admission == RequestsPerAddress.Admission.REFUSED_FIRST) {
                LOG.warnf("refusing requests from %s: it already has %d requests in progress (sluice.gateway.connections.max-per-address);"
                        + " answered 429 and closed the connection; further refusals are counted in sluice_webhook_requests_total,"
                        + " not logged, until one of its requests ends", address, inProgress.limit());
            }
            cut(context, WebhookOutcome.TOO_MANY_REQUESTS, address + " has " + inProgress.limit()
                    + " requests in progress, the most one client address may have; retry when one has ended");
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        // Once the response has ended or the connection closed, whichever comes first.
        context.addEndHandler(result -> {
            if (finished.compareAndSet(false, true)) {
                inProgress.release(address);
                if (!request.isEnded()) {
                    request.connection().close(); // the rest of the body was never read: the connection cannot serve another request
                }
            }
        });
        if (request.isEnded()) {
            passOn(context, Buffer.buffer()); // no body, or none left to read
            return;
        }
        if (declaredLength(request) > maxBodySize) {
            passOn(context, Buffer.buffer()); // WebhookHandler answers 413 from the declared length alone
            return;
        }
        collectBody(context, address);
    }

    private void collectBody(RoutingContext context, String address) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        AtomicBoolean passedOn = new AtomicBoolean();
        long deadline = context.vertx().setTimer(bodyTimeout.toMillis(), id -> {
            if (passedOn.compareAndSet(false, true)) {
                LOG.warnf("cut off %s: the body of %s %s had not arrived %d ms after its headers (sluice.gateway.connections.body-timeout);"
                        + " answered 408 and closed the connection", address, request.method(), describe(request.path()), bodyTimeout.toMillis());
                cut(context, WebhookOutcome.BODY_TIMEOUT, "the request body did not arrive within " + bodyTimeout.toMillis() + " ms of its headers");
            }
        });
        Runnable complete = () -> {
            if (passedOn.compareAndSet(false, true)) {
                context.vertx().cancelTimer(deadline);
                passOn(context, body);
            }
        };
        request.handler(chunk -> {
            if (passedOn.get()) {
                return;
            }
            body.appendBuffer(chunk, 0, Math.min(chunk.length(), maxBodySize + 1 - body.length()));
            if (body.length() > maxBodySize) {
                request.pause(); // enough to tell that it is too large; the rest is not read
                complete.run();
            }
        });
        request.endHandler(end -> complete.run());
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        request.resume();
    }

    private static void passOn(RoutingContext context, Buffer body) {
        context.setBody(body);
        context.next();
    }

    /** Answers {@code cut}'s status with one line of text and closes the connection. */
    private void cut(RoutingContext context, WebhookOutcome cut, String message) {
        metrics.count(cut, "unknown");
        HttpServerResponse response = context.response();
        response.setStatusCode(cut.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .end(message + "\n")
                .onComplete(done -> context.request().connection().close());
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses such a request before it gets here
        }
    }

    private static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    private static String describe(String path) {
        return path != null && path.startsWith(WebhookPath.PREFIX) ? WebhookPath.PREFIX + "…" : path;
    }
}
