package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;

/**
 * One watch: the type, namespace and selectors it asked for, and the stream its events go to. A MODIFIED object
 * that starts or stops matching the selectors arrives as ADDED or DELETED, as from a real server; with
 * {@code allowWatchBookmarks}, BOOKMARK events carry the current resourceVersion; it ends at its
 * {@code timeoutSeconds}. Its methods are called with the store's monitor held, so events leave in
 * resourceVersion order.
 */
final class WatchSession {

    private final ObjectStore store;
    private final String group;
    private final String plural;
    private final String namespace;
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final ObjectNode bookmarkHead;
    private final EventStream stream;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> bookmarks;
    private boolean stopped;

    /**
     * @param kind and {@code apiVersion}: what a BOOKMARK names
     */
    WatchSession(ObjectStore store, ResourcePath path, LabelSelector labels, FieldSelector fields, String kind,
            EventStream stream) {
        this.store = store;
        this.group = path.group();
        this.plural = path.plural();
        this.namespace = path.namespace();
        this.labels = labels;
        this.fields = fields;
        this.bookmarkHead = Json.object().put("kind", kind).put("apiVersion", path.groupVersion());
        this.stream = stream;
    }

    /**
     * Starts delivering: the changes after {@code since}, or with a synthetic ADDED for every matching object when
     * null. A {@code since} older than the history kept gets one ERROR event (410 Expired) and the end of the stream,
     * as from a real server; the client lists again.
     */
    void start(Long since) {
        stream.open();
        if (!store.attach(this, since, group, plural, namespace)) {
            ObjectNode event = Json.object().put("type", "ERROR");
            event.set("object", ApiException.gone("too old resource version: " + since + " ("
                    + store.oldestResumableVersion() + ")").toStatus());
            stream.send(Json.writeBytes(event));
            stopped = true;
            stream.close();
            return;
        }
        stream.whenClosed(this::stopFromClient);
    }

    /** Ends the watch after {@code timeout}/sends bookmarks: handles to cancel when it stops. */
    void scheduled(ScheduledFuture<?> timeout, ScheduledFuture<?> bookmarks) {
        this.timeout = timeout;
        this.bookmarks = bookmarks;
    }

    /** A BOOKMARK: the kind and apiVersion of the watched type and the resourceVersion the watch has seen up to. */
    void bookmark() {
        if (stopped) {
            return;
        }
        ObjectNode object = bookmarkHead.deepCopy();
        object.putObject("metadata").put("resourceVersion", String.valueOf(store.resourceVersion()))
                .putNull("creationTimestamp");
        ObjectNode event = Json.object().put("type", "BOOKMARK");
        event.set("object", object);
        stream.send(Json.writeBytes(event));
    }

    /** The server ends the watch (its timeout). */
    void end() {
        stop();
        stream.close();
    }

    private void stopFromClient() {
        synchronized (store) {
            stop();
        }
    }

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        store.detach(this);
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (bookmarks != null) {
            bookmarks.cancel(false);
        }
    }

    /** Whether this watch is for objects of the given type (so the store offers it only their changes). */
    boolean watches(ObjectRef ref) {
        return ref.sameType(group, plural);
    }

    /**
     * One change of an object of the watched type. An object that stops matching arrives as DELETED in the state it
     * last matched in, as from a real server's watch cache.
     */
    void deliver(ObjectStore.Change change) {
        if (stopped || !change.ref().sameType(group, plural)) {
            return;
        }
        boolean matchesNow = matches(change.ref(), change.object());
        boolean matchedBefore = change.previous() != null && matches(change.ref(), change.previous());
        switch (change.type()) {
            case "ADDED" -> {
                if (matchesNow) {
                    stream.send(event("ADDED", change.objectJson()));
                }
            }
            case "DELETED" -> {
                if (matchesNow || matchedBefore) {
                    stream.send(event("DELETED", change.objectJson()));
                }
            }
            default -> {
                if (matchesNow) {
                    stream.send(event(matchedBefore ? "MODIFIED" : "ADDED", change.objectJson()));
                } else if (matchedBefore) {
                    stream.send(event("DELETED", Json.writeBytes(change.previous())));
                }
            }
        }
    }

    private static byte[] event(String type, byte[] object) {
        byte[] head = ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.US_ASCII);
        byte[] event = new byte[head.length + object.length + 1];
        System.arraycopy(head, 0, event, 0, head.length);
        System.arraycopy(object, 0, event, head.length, object.length);
        event[event.length - 1] = '}';
        return event;
    }

    private boolean matches(ObjectRef ref, ObjectNode object) {
        return (namespace == null || namespace.equals(ref.namespace())) && labels.matches(Json.labels(object))
                && fields.matches(object);
    }
}
