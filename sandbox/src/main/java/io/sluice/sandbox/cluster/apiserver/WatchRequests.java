package io.sluice.sandbox.cluster.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;

/**
 * {@code GET <collection>?watch=true}, over plain HTTP (a chunked answer of JSON lines, as kubectl and client-go
 * watch) or over a WebSocket (as fabric8 watches): the watch starts from the given resourceVersion (the changes
 * after it) or, without one, with an ADDED for every matching object; it ends after {@code timeoutSeconds}; with
 * {@code allowWatchBookmarks} it gets a BOOKMARK every {@value #BOOKMARK_SECONDS} s, about as often as a real
 * server sends one. Callers hold the store's monitor.
 */
final class WatchRequests {

    static final long BOOKMARK_SECONDS = 60;

    private final ObjectStore store;
    private final ResourceTypes types;
    private final ControllerLoop controllers;

    WatchRequests(ObjectStore store, ResourceTypes types, ControllerLoop controllers) {
        this.store = store;
        this.types = types;
        this.controllers = controllers;
    }

    static boolean isWatch(ResourcePath path) {
        return path.flag("watch") || "1".equals(path.query().get("watch"));
    }

    /** Starts a watch whose events go to {@code stream}; a bad request throws before anything is sent. */
    void watch(ResourcePath path, ListQuery query, EventStream stream) {
        WatchSession session = session(path, stream);
        Long since = since(query);
        session.start(since);
        ScheduledFuture<?> timeout = query.timeoutSeconds().filter(seconds -> seconds > 0)
                .map(seconds -> controllers.later(seconds * 1000, "ending a watch", session::end)).orElse(null);
        ScheduledFuture<?> bookmarks = query.bookmarks()
                ? controllers.every(BOOKMARK_SECONDS * 1000, "sending a watch bookmark", session::bookmark) : null;
        session.scheduled(timeout, bookmarks);
    }

    /** The answer to a watch over a WebSocket: the upgrade, after which events flow as for HTTP. */
    MockResponse overWebSocket(ResourcePath path, ListQuery query) {
        // the selectors are checked before the upgrade is answered: a bad one is a 400, not a closed socket
        LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector.parse(path.query().get("fieldSelector"), path.ref("").resource());
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            private WebSocketStream stream;

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                stream = new WebSocketStream(webSocket);
                synchronized (store) {
                    watch(path, query, stream);
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(code, reason);
                closed();
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                closed();
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable error, Response response) {
                closed();
            }

            private void closed() {
                if (stream != null) {
                    stream.clientGone();
                }
            }
        });
    }

    private WatchSession session(ResourcePath path, EventStream stream) {
        LabelSelector labels = LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"), path.ref("").resource());
        String kind = types.find(path.group(), path.version(), path.plural()).map(ApiResource::kind).orElse("");
        return new WatchSession(store, path, labels, fields, kind, stream);
    }

    private static Long since(ListQuery query) {
        String version = query.resourceVersion();
        if (version.isEmpty() || version.equals("0")) {
            return null;
        }
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version \"" + version + "\"");
        }
    }

    /** Events over a fabric8 WebSocket: one text message per event. */
    private static final class WebSocketStream implements EventStream {

        private final WebSocket socket;
        private Runnable onClosed = () -> { };
        private boolean gone;

        WebSocketStream(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public void open() {
            // the upgrade was the answer's head
        }

        @Override
        public void send(byte[] event) {
            socket.send(new String(event, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            socket.close(1000, "watch ended");
        }

        @Override
        public void whenClosed(Runnable onClosed) {
            this.onClosed = onClosed;
        }

        void clientGone() {
            if (!gone) {
                gone = true;
                onClosed.run();
            }
        }
    }
}
