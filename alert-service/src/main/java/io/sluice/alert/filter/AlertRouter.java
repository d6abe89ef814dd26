package io.sluice.alert.filter;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.notification.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of the known Alerts want an event. Holds one {@link AlertMatcher} per Alert, built when the
 * Alert set changes, so each event is only a scan. An Alert that cannot be compiled (a bad regex, ...)
 * is left out and reported by {@link #invalid()}; one broken Alert never silences the others.
 */
public final class AlertRouter {

    private final List<Entry> entries;
    private final List<InvalidAlertException> invalid;

    public AlertRouter(List<Alert> alerts) {
        List<Entry> ok = new ArrayList<>();
        List<InvalidAlertException> bad = new ArrayList<>();
        for (Alert alert : alerts) {
            try {
                ok.add(new Entry(alert, new AlertMatcher(alert)));
            } catch (InvalidAlertException e) {
                bad.add(e);
            }
        }
        this.entries = List.copyOf(ok);
        this.invalid = List.copyOf(bad);
    }

    /** Why Alerts were left out, one exception per Alert, each message naming the Alert and field. */
    public List<InvalidAlertException> invalid() {
        return invalid;
    }

    /** The Alerts that want this event, in the order given. */
    public List<Alert> matching(ObjectEvent event, Map<String, String> labels) {
        return entries.stream().filter(e -> e.matcher().matches(event, labels)).map(Entry::alert).toList();
    }

    /** The Alerts a "recovered" notice about this event's object goes to (severity not considered). */
    public List<Alert> matchingIgnoringSeverity(ObjectEvent event, Map<String, String> labels) {
        return entries.stream().filter(e -> e.matcher().matchesIgnoringSeverity(event, labels)).map(Entry::alert).toList();
    }

    private record Entry(Alert alert, AlertMatcher matcher) {
    }
}
