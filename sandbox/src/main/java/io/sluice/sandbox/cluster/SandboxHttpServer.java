package io.sluice.sandbox.cluster;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.sluice.sandbox.cluster.apiserver.SandboxDispatcher;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP front end of the sandbox API server: one Vert.x HTTP server per event loop, all on one port (Vert.x
 * hands each new connection to the next server), each passing requests to the sandbox's dispatcher. fabric8's
 * request handler does the rest (bodies, answers, WebSocket upgrades for watches), except for watches over plain
 * HTTP, which {@link HttpWatchStream} answers as a chunked stream of JSON lines.
 *
 * <p>Why not fabric8's MockWebServer, which the sandbox used before: it runs one server on one event loop, so the
 * reading, HTTP decoding, answer writing and system calls of every request happened on one thread, and a client
 * with many requests in flight (apply-service keeps 16) found that thread, not the API, to be the limit. A real API
 * server answers on many threads too. The API behind it still takes one request at a time (it holds the store's
 * monitor), so each request stays atomic and watchers see changes in order.
 */
final class SandboxHttpServer implements AutoCloseable {

    /** Kubernetes' WebSocket sub-protocols, as fabric8's mock server offers them. */
    private static final List<String> WEBSOCKET_PROTOCOLS = List.of("v1.channel.k8s.io", "v2.channel.k8s.io",
            "v3.channel.k8s.io", "v4.channel.k8s.io");
    private static final long START_SECONDS = 30;

    private final Vertx vertx;
    private final int port;

    private SandboxHttpServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** One server per event loop: as many as there are cores, at least two, at most four. */
    static int eventLoops() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Starts listening on {@code address}:{@code port} (0: any free port).
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    static SandboxHttpServer start(InetAddress address, int port, Dispatcher dispatcher) {
        return start(address, port, dispatcher, null);
    }

    /**
     * Starts listening with TLS (HTTPS) when {@code tls} is given, as the sandbox's API server does; plain HTTP
     * otherwise.
     */
    static SandboxHttpServer start(InetAddress address, int port, Dispatcher dispatcher, SandboxTls tls) {
        int loops = eventLoops();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(1));
        try {
            // Servers of one Vert.x on the same port share it. Port 0 would give each server a port of its own:
            // Vert.x's way to share one free port is a negative port number.
            AtomicInteger bound = new AtomicInteger();
            deploy(vertx, address, port == 0 ? -1 : port, dispatcher, tls, bound, loops);
            return new SandboxHttpServer(vertx, bound.get());
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    private static void deploy(Vertx vertx, InetAddress address, int port, Dispatcher dispatcher, SandboxTls tls,
            AtomicInteger bound, int instances) {
        DeploymentOptions options = new DeploymentOptions().setInstances(instances);
        try {
            vertx.deployVerticle(() -> new Front(address, port, dispatcher, tls, bound), options)
                    .toCompletionStage().toCompletableFuture().get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The sandbox API server could not listen on " + address.getHostAddress() + ":"
                    + Math.max(0, port) + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The sandbox API server did not start listening within " + START_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the sandbox API server", e);
        }
    }

    int port() {
        return port;
    }

    /** Stops listening and closes every connection (watches end). */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(START_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // stopping anyway: the threads end with the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One HTTP server on its own event loop. */
    private static final class Front extends AbstractVerticle {

        private final InetAddress address;
        private final int port;
        private final Dispatcher dispatcher;
        private final SandboxTls tls;
        private final AtomicInteger bound;

        Front(InetAddress address, int port, Dispatcher dispatcher, SandboxTls tls, AtomicInteger bound) {
            this.address = address;
            this.port = port;
            this.dispatcher = dispatcher;
            this.tls = tls;
            this.bound = bound;
        }

        @Override
        public void start(Promise<Void> started) {
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(address.getHostAddress())
                    .setPort(port)
                    .setWebSocketSubProtocols(WEBSOCKET_PROTOCOLS)
                    .setHandle100ContinueAutomatically(true);
            if (tls != null) {
                options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(tls.serverCertificatePem()))
                        .addKeyValue(Buffer.buffer(tls.serverKeyPem())));
            }
            HttpServerRequestHandler answers = new HttpServerRequestHandler(vertx) {
                @Override
                protected MockResponse onHttpRequest(RecordedRequest request) {
                    return dispatcher.dispatch(request);
                }
            };
            vertx.createHttpServer(options)
                    .requestHandler(request -> {
                        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
                        if (dispatcher instanceof SandboxDispatcher sandbox && !upgrade
                                && SandboxDispatcher.isHttpWatch(request.method().name(), request.uri())) {
                            HttpWatchStream.answer(request, sandbox);
                        } else {
                            answers.handle(request);
                        }
                    })
                    .listen()
                    .onSuccess(server -> {
                        bound.compareAndSet(0, server.actualPort());
                        started.complete();
                    })
                    .onFailure(started::fail);
        }
    }
}
