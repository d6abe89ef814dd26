package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * One {@code ?watch=true} request over a WebSocket (how fabric8 watches): the type, namespace and selectors
 * it asked for, and the events sent so far. A MODIFIED object that starts or stops matching the selectors
 * arrives as ADDED or DELETED, as from a real server.
 */
final class WatchSession extends WebSocketListener {

    private final ObjectStore store;
    private final String group;
    private final String plural;
    private final String namespace;
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final Long sinceVersion;
    private volatile WebSocket socket;

    WatchSession(ObjectStore store, ResourcePath path, LabelSelector labels, FieldSelector fields, Long sinceVersion) {
        this.store = store;
        this.group = path.group();
        this.plural = path.plural();
        this.namespace = path.namespace();
        this.labels = labels;
        this.fields = fields;
        this.sinceVersion = sinceVersion;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket;
        synchronized (store) {
            if (!store.attach(this, sinceVersion)) {
                ObjectNode event = Json.object().put("type", "ERROR");
                event.set("object", ApiException.gone("too old resource version: " + sinceVersion + " (the sandbox keeps "
                        + ObjectStore.HISTORY + " changes); list again").toStatus());
                webSocket.send(Json.write(event));
                webSocket.close(1000, "too old resource version");
            }
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        stop();
        webSocket.close(code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        stop();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        stop();
    }

    private void stop() {
        synchronized (store) {
            store.detach(this);
        }
    }

    /** Called with the store's monitor held, so events leave in resourceVersion order. */
    void deliver(ObjectStore.Change change) {
        if (!change.ref().sameType(group, plural)) {
            return;
        }
        boolean matchesNow = matches(change.ref(), change.object());
        boolean matchedBefore = change.previous() != null && matches(change.ref(), change.previous());
        String type = switch (change.type()) {
            case "ADDED" -> matchesNow ? "ADDED" : null;
            case "DELETED" -> matchesNow || matchedBefore ? "DELETED" : null;
            default -> matchesNow && matchedBefore ? "MODIFIED" : matchesNow ? "ADDED" : matchedBefore ? "DELETED" : null;
        };
        if (type != null) {
            ObjectNode event = Json.object().put("type", type);
            event.set("object", change.object());
            WebSocket target = socket;
            if (target != null) {
                target.send(Json.write(event));
            }
        }
    }

    private boolean matches(ObjectRef ref, ObjectNode object) {
        return (namespace == null || namespace.equals(ref.namespace())) && labels.matches(Json.labels(object))
                && fields.matches(object);
    }
}
