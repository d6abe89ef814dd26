package io.sluice.gateway.receiver;

import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.CrossNamespaceObjectReference;

import java.util.List;
import java.util.Locale;

/**
 * A Receiver the gateway serves: everything a request needs, read from the Receiver and its Secret.
 * {@link #toString()} leaves the token out, so logging this record never leaks it.
 *
 * @param key           {@code Receiver/<namespace>/<name>}
 * @param path          {@code /hook/<sha256(token + name + namespace)>}
 * @param token         the Secret's {@code token}, UTF-8 bytes; never logged
 * @param events        {@code spec.events}; empty means every event
 * @param resources     {@code spec.resources}
 * @param suspended     {@code spec.suspend}: requests get 503, as in Flux
 * @param nexusRegistry the {@code webhook.sluice.io/registry} annotation, or null
 */
public record ActiveReceiver(ObjectKey key, ReceiverType type, String path, byte[] token, List<String> events,
                             List<CrossNamespaceObjectReference> resources, boolean suspended, String nexusRegistry) {

    public ActiveReceiver {
        token = token.clone();
        events = List.copyOf(events);
        resources = List.copyOf(resources);
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    /** The namespace of the Receiver: the default for {@code spec.resources} without one. */
    public String namespace() {
        return key.namespace();
    }

    /**
     * Whether {@code spec.events} lets this event through: always when the list is empty or the type has no
     * event header; otherwise when the event equals an entry ignoring case, as Flux compares them.
     */
    public boolean accepts(String eventType) {
        if (!type.filtersEvents() || events.isEmpty()) {
            return true;
        }
        if (eventType == null) {
            return false;
        }
        String wanted = eventType.toLowerCase(Locale.ROOT);
        return events.stream().anyMatch(event -> event.toLowerCase(Locale.ROOT).equals(wanted));
    }

    @Override
    public String toString() {
        return "ActiveReceiver[" + key + ", type=" + type + ", path=" + path + ", events=" + events
                + ", resources=" + resources.size() + ", suspended=" + suspended + "]";
    }
}
