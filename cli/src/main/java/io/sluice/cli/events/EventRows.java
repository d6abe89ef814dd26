package io.sluice.cli.events;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.cli.get.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events as {@code flux events} prints them: {@code LAST SEEN}, {@code TYPE} (Normal for info, Warning for error),
 * {@code REASON}, {@code OBJECT} ({@code Kind/name}), {@code MESSAGE}; with {@code -A} a {@code NAMESPACE} column
 * first. Oldest first, so the newest is next to the prompt.
 */
final class EventRows {

    private final boolean allNamespaces;

    EventRows(boolean allNamespaces) {
        this.allNamespaces = allNamespaces;
    }

    Table table(List<ObjectEvent> events, Instant now) {
        List<String> header = new ArrayList<>(List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"));
        if (allNamespaces) {
            header.add(0, "NAMESPACE");
        }
        Table table = new Table(header);
        events.stream().sorted(Comparator.comparing(ObjectEvent::timestamp)).forEach(event -> table.add(row(event, now)));
        return table;
    }

    /** One event's cells, in the header's order. */
    List<String> row(ObjectEvent event, Instant now) {
        List<String> row = new ArrayList<>(List.of(age(Duration.between(event.timestamp(), now)),
                event.severity() == Severity.ERROR ? "Warning" : "Normal", event.reason(),
                event.involvedObject().kind() + "/" + event.involvedObject().name(), oneLine(event.message())));
        if (allNamespaces) {
            row.add(0, event.involvedObject().namespace());
        }
        return row;
    }

    /** {@code 42s}, {@code 5m}, {@code 3h}, {@code 2d}, as kubectl shows ages; an event from the future counts as now. */
    static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + "h";
        }
        return seconds / 86_400 + "d";
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
