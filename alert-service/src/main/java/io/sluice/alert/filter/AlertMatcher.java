package io.sluice.alert.filter;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;
import io.sluice.api.notification.CrossNamespaceObjectReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether one Alert wants an event, the way Flux's notification-controller does.
 *
 * <ul>
 *   <li>{@code suspend: true} matches nothing;</li>
 *   <li>{@code eventSources}: the kind must be equal; the name is equal or a {@code *} glob
 *       ({@code *} alone is every object, {@code app-*} a prefix); an empty namespace means the
 *       Alert's own; {@code matchLabels} must all be on the involved object, and (as in Flux) are
 *       only looked at when the name has a {@code *};</li>
 *   <li>{@code eventSeverity}: {@code info} (the default) takes info and error, {@code error} only error;</li>
 *   <li>{@code inclusionList}: when present, the message must match at least one pattern;
 *       {@code exclusionList}: a message matching any pattern is dropped, even if included.
 *       Patterns are Go (RE2) regular expressions searched anywhere in the message, as Go's
 *       {@code regexp.MatchString}; Go's {@code (?P<name>...)} groups are accepted.</li>
 * </ul>
 *
 * Everything is compiled once in the constructor, so a bad Alert fails where it is loaded, with its
 * name and the offending pattern, not on every event.
 */
public final class AlertMatcher {

    private final ObjectKey alert;
    private final boolean suspended;
    private final Severity minimum;
    private final List<SourceSelector> sources;
    private final List<Pattern> inclusions;
    private final List<Pattern> exclusions;

    public AlertMatcher(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        String namespace = alert.getMetadata() == null ? null : alert.getMetadata().getNamespace();
        String name = alert.getMetadata() == null ? null : alert.getMetadata().getName();
        this.alert = ObjectKey.of("Alert", namespace == null || namespace.isBlank() ? "default" : namespace,
                name == null || name.isBlank() ? "<unnamed>" : name);
        AlertSpec spec = alert.getSpec() == null ? new AlertSpec() : alert.getSpec();
        this.suspended = Boolean.TRUE.equals(spec.getSuspend());
        this.minimum = severity(spec.getEventSeverity());
        this.sources = sources(spec.getEventSources());
        this.inclusions = patterns(spec.getInclusionList(), "inclusionList");
        this.exclusions = patterns(spec.getExclusionList(), "exclusionList");
    }

    /** The Alert this matcher was built from, e.g. {@code Alert/flux-system/on-call}. */
    public ObjectKey alert() {
        return alert;
    }

    /**
     * Whether the Alert wants this event.
     *
     * @param labels the involved object's labels (the caller looks them up; empty when unknown)
     */
    public boolean matches(ObjectEvent event, Map<String, String> labels) {
        return severityAccepts(event.severity()) && matchesIgnoringSeverity(event, labels);
    }

    /**
     * Everything but {@code eventSeverity}: a "recovered" notice goes to every Alert that would have
     * received the error it follows, including {@code eventSeverity: error} Alerts.
     */
    public boolean matchesIgnoringSeverity(ObjectEvent event, Map<String, String> labels) {
        if (suspended) {
            return false;
        }
        Map<String, String> objectLabels = labels == null ? Map.of() : labels;
        if (sources.stream().noneMatch(source -> source.matches(event.involvedObject(), objectLabels))) {
            return false;
        }
        String message = event.message();
        if (!inclusions.isEmpty() && inclusions.stream().noneMatch(p -> p.matcher(message).find())) {
            return false;
        }
        return exclusions.stream().noneMatch(p -> p.matcher(message).find());
    }

    private boolean severityAccepts(Severity severity) {
        return minimum == Severity.INFO || severity == Severity.ERROR;
    }

    private Severity severity(String value) {
        if (value == null || value.isBlank()) {
            return Severity.INFO;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "info" -> Severity.INFO;
            case "error" -> Severity.ERROR;
            default -> throw new InvalidAlertException(alert + ": spec.eventSeverity is '" + value
                    + "'; use info (all events) or error (errors only)");
        };
    }

    private List<SourceSelector> sources(List<CrossNamespaceObjectReference> refs) {
        if (refs == null || refs.isEmpty()) {
            throw new InvalidAlertException(alert + ": spec.eventSources is empty; list at least one {kind, name}");
        }
        List<SourceSelector> result = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            CrossNamespaceObjectReference ref = refs.get(i);
            String where = alert + ": spec.eventSources[" + i + "]";
            if (ref == null || ref.getKind() == null || ref.getKind().isBlank()) {
                throw new InvalidAlertException(where + " has no kind; set kind (e.g. Kustomization)");
            }
            if (ref.getName() == null || ref.getName().isBlank()) {
                throw new InvalidAlertException(where + " has no name; set a name or '*' for every " + ref.getKind());
            }
            String namespace = ref.getNamespace() == null || ref.getNamespace().isBlank()
                    ? alert.namespace() : ref.getNamespace();
            result.add(new SourceSelector(ref.getKind(), ref.getName(), namespace,
                    ref.getMatchLabels() == null ? Map.of() : Map.copyOf(ref.getMatchLabels())));
        }
        return List.copyOf(result);
    }

    private List<Pattern> patterns(List<String> regexes, String field) {
        if (regexes == null) {
            return List.of();
        }
        List<Pattern> result = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            String regex = regexes.get(i);
            if (regex == null) {
                throw new InvalidAlertException(alert + ": spec." + field + "[" + i + "] is empty; remove it or give a regex");
            }
            result.add(GoRegex.compile(regex, alert + ": spec." + field + "[" + i + "]"));
        }
        return List.copyOf(result);
    }

    /** One compiled {@code eventSources} entry. */
    record SourceSelector(String kind, String name, String namespace, Map<String, String> matchLabels) {

        boolean matches(ObjectKey object, Map<String, String> labels) {
            if (!kind.equals(object.kind()) || !namespace.equals(object.namespace())) {
                return false;
            }
            if (!name.contains("*")) {
                return name.equals(object.name());
            }
            return glob(name).matcher(object.name()).matches()
                    && matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }

        private static Pattern glob(String name) {
            // Every character is literal except '*', which is any run of characters.
            List<String> parts = new ArrayList<>();
            for (String part : name.split("\\*", -1)) {
                parts.add(part.isEmpty() ? "" : Pattern.quote(part));
            }
            return Pattern.compile(String.join(".*", parts));
        }
    }

    /** Go's regexp syntax, as Flux users write it, on Java's engine. */
    static final class GoRegex {

        private GoRegex() {
        }

        static Pattern compile(String regex, String where) {
            // Go spells named groups (?P<name>...); Java only knows (?<name>...). The rest of RE2's
            // syntax that Flux users write (classes, anchors, (?i), \d, \b) means the same in Java.
            String java = regex.replace("(?P<", "(?<");
            try {
                return Pattern.compile(java);
            } catch (PatternSyntaxException e) {
                throw new InvalidAlertException(where + ": '" + regex + "' is not a valid regular expression ("
                        + e.getDescription() + " near index " + e.getIndex() + "); fix or remove the pattern", e);
            }
        }
    }
}
