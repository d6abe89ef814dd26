package io.sluice.gateway.receiver;

import io.sluice.api.meta.ObjectKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Receivers being served, by webhook path. Written by {@link ReceiverWatcher} as Receivers change, read by
 * every request; an in-memory map, so finding a Receiver costs no call to the Kubernetes API.
 */
@ApplicationScoped
public class ReceiverRegistry {

    private final Map<ObjectKey, ActiveReceiver> byKey = new HashMap<>();
    private final Map<String, ActiveReceiver> byPath = new HashMap<>();

    /** Serves {@code receiver} at its path, replacing what was served for the same Receiver. */
    public synchronized void put(ActiveReceiver receiver) {
        remove(receiver.key());
        byKey.put(receiver.key(), receiver);
        byPath.put(receiver.path(), receiver);
    }

    /** Stops serving the Receiver. */
    public synchronized void remove(ObjectKey key) {
        ActiveReceiver previous = byKey.remove(key);
        if (previous != null) {
            byPath.remove(previous.path());
        }
    }

    /** The Receiver served at {@code path} ({@code /hook/<hex>}). */
    public synchronized Optional<ActiveReceiver> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public synchronized int size() {
        return byKey.size();
    }
}
