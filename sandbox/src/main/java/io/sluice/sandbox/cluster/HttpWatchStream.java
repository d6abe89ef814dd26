package io.sluice.sandbox.cluster;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sluice.sandbox.cluster.apiserver.EventStream;
import io.sluice.sandbox.cluster.apiserver.SandboxDispatcher;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch over plain HTTP, answered as a real API server answers it: 200, {@code Content-Type: application/json},
 * chunked, one JSON event per line, for as long as the watch lasts. kubectl ({@code get -w}) and client-go watch
 * this way; fabric8 uses a WebSocket instead. Vert.x keeps the order of writes to one connection whichever thread
 * makes them, so events leave in the order the store made them.
 */
final class HttpWatchStream implements EventStream {

    private final HttpServerResponse response;
    private final AtomicBoolean ended = new AtomicBoolean();

    private HttpWatchStream(HttpServerResponse response) {
        this.response = response;
    }

    static void answer(HttpServerRequest request, SandboxDispatcher dispatcher) {
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        RecordedRequest recorded = new RecordedRequest(request.version().alpnName(), HttpMethod.GET, request.uri(),
                headers.build(), new Buffer());
        HttpWatchStream stream = new HttpWatchStream(request.response());
        Optional<MockResponse> refused = dispatcher.watchOverHttp(recorded, stream);
        refused.ifPresent(stream::refuse);
    }

    /** A watch the server refused: its answer, as for any request. */
    private void refuse(MockResponse answer) {
        response.setStatusCode(answer.code());
        answer.getHeaders().toMultimap().forEach((name, values) -> response.putHeader(name, values));
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes();
        response.end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    @Override
    public void open() {
        response.setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache, private").setChunked(true);
        response.writeHead();
    }

    @Override
    public void send(byte[] event) {
        if (!ended.get()) {
            io.vertx.core.buffer.Buffer line = io.vertx.core.buffer.Buffer.buffer(event.length + 1);
            line.appendBytes(event).appendByte((byte) '\n');
            response.write(line);
        }
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            response.end();
        }
    }

    @Override
    public void whenClosed(Runnable onClosed) {
        response.closeHandler(ignored -> {
            ended.set(true);
            onClosed.run();
        });
    }
}
