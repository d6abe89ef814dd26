package io.sluice.image.automation;

import io.sluice.api.image.ImageRef;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux's {@code Setters} update strategy on one YAML file, changing only the marked values: a scalar value followed
 * on its line by the comment {@code # {"$imagepolicy": "<namespace>:<name>"}} becomes the policy's latest image
 * ({@code name:tag}, with {@code @digest} when the policy reflects one); {@code …:<name>:tag}, {@code :name} and
 * {@code :digest} set only that part. Every other byte of the file — comments, key order, quoting, indentation —
 * stays as it was: the new value replaces exactly the characters of the old one, in the old one's quoting style.
 *
 * <p>Markers are found with SnakeYAML's events (so a marker-like text inside a block scalar or a quoted string is
 * not a marker, and a marker after a key whose value is a nested mapping changes nothing, as in Flux).
 */
final class Setters {

    private static final Pattern MARKER = Pattern.compile("\\{\\s*\"\\$imagepolicy\"\\s*:\\s*\"([^\"]*)\"\\s*}");
    /** Characters that make a value unsafe as a plain scalar; image references never have them. */
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@:+-]*");

    /** A marker that names a policy the automation does not have (or one without a latest image). */
    record Problem(String file, int line, String message) {
    }

    /** The file after the update, its changes, and the markers that could not be resolved. */
    record FileUpdate(String text, List<Problem> problems) {
    }

    private Setters() {
    }

    /**
     * @param policies the selected policies' latest images, by {@code namespace:name}; null for a policy that has none yet
     * @throws IllegalArgumentException when the file is not YAML (with the line)
     */
    static FileUpdate apply(String file, String text, Map<String, ImageRef> policies, UpdateResult result) {
        return apply(file, text, policies, setter -> true, result);
    }

    /**
     * Like {@link #apply(String, String, Map, UpdateResult)}, changing only the markers of the policies {@code applied}
     * accepts ({@code namespace:name}); markers of the other known policies are left as they are.
     */
    static FileUpdate apply(String file, String text, Map<String, ImageRef> policies, Predicate<String> applied,
                            UpdateResult result) {
        List<Replacement> replacements = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        options.setMaxAliasesForCollections(1000);
        Deque<Collection> stack = new ArrayDeque<>();
        ScalarEvent lastValue = null;
        int document = -1;
        List<Object> documents = null;
        try {
            for (Event event : new Yaml(options).parse(new StringReader(text))) {
                if (event instanceof DocumentStartEvent) {
                    document++;
                    lastValue = null;
                } else if (event instanceof MappingStartEvent) {
                    noteValue(stack);
                    stack.push(new Collection(true));
                    lastValue = null;
                } else if (event instanceof SequenceStartEvent) {
                    noteValue(stack);
                    stack.push(new Collection(false));
                    lastValue = null;
                } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                    stack.pop();
                } else if (event.is(Event.ID.Alias)) {
                    noteValue(stack);
                    lastValue = null;
                } else if (event instanceof ScalarEvent scalar) {
                    boolean key = isKey(stack);
                    noteValue(stack);
                    lastValue = key ? null : scalar;
                } else if (event instanceof CommentEvent comment && comment.getCommentType() == CommentType.IN_LINE && lastValue != null
                        && lastValue.getEndMark().getLine() == comment.getStartMark().getLine()) {
                    Matcher marker = MARKER.matcher(comment.getValue());
                    if (marker.find()) {
                        if (documents == null) {
                            documents = loadAll(text);
                        }
                        resolve(file, lastValue, marker.group(1), policies, applied, document < documents.size() ? documents.get(document) : null,
                                replacements, problems, result);
                    }
                    lastValue = null;
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new IllegalArgumentException(file + (mark == null ? "" : " line " + (mark.getLine() + 1)) + " is not valid YAML: " + e.getProblem());
        }
        return new FileUpdate(replace(text, replacements), problems);
    }

    private static void resolve(String file, ScalarEvent scalar, String setter, Map<String, ImageRef> policies,
                                Predicate<String> applied, Object document,
                                List<Replacement> replacements, List<Problem> problems, UpdateResult result) {
        int line = scalar.getStartMark().getLine() + 1;
        String[] parts = setter.split(":");
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            problems.add(new Problem(file, line, "marker '" + setter + "' is not of the form <namespace>:<name>[:tag|:name|:digest]"));
            return;
        }
        if (!policies.containsKey(parts[0] + ":" + parts[1])) {
            problems.add(new Problem(file, line, "marker names ImagePolicy " + parts[0] + "/" + parts[1]
                    + ", which is not one of this automation's policies (it does not exist, is in another namespace, or spec.policySelector leaves it out)"));
            return;
        }
        ImageRef ref = policies.get(parts[0] + ":" + parts[1]);
        if (ref == null || !applied.test(parts[0] + ":" + parts[1])) {
            return; // a policy without a latest image yet leaves its markers as they are
        }
        Optional<String> value = switch (parts.length == 2 ? "" : parts[2]) {
            case "" -> Optional.of(ref.toString());
            case "tag" -> Optional.ofNullable(ref.getTag());
            case "name" -> Optional.ofNullable(ref.getName());
            case "digest" -> Optional.ofNullable(ref.getDigest()).filter(d -> !d.isEmpty());
            default -> null;
        };
        if (value == null) {
            problems.add(new Problem(file, line, "marker '" + setter + "' ends in '" + parts[2] + "'; it may end in :tag, :name or :digest"));
            return;
        }
        if (value.isEmpty()) {
            problems.add(new Problem(file, line, "marker '" + setter + "' asks for the digest of ImagePolicy " + parts[0] + "/" + parts[1]
                    + ", which has none; set its spec.digestReflectionPolicy to IfNotPresent or Always"));
            return;
        }
        if (value.get().equals(scalar.getValue())) {
            return;
        }
        replacements.add(new Replacement(scalar.getStartMark().getIndex(), scalar.getEndMark().getIndex(), render(value.get(), scalar.getScalarStyle())));
        result.add(file, objectId(document), new UpdateResult.Change(scalar.getValue(), value.get(), setter));
    }

    /** The new value in the old value's quoting style. */
    private static String render(String value, DumperOptions.ScalarStyle style) {
        return switch (style) {
            case SINGLE_QUOTED -> "'" + value.replace("'", "''") + "'";
            case DOUBLE_QUOTED -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default -> PLAIN_SAFE.matcher(value).matches() ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
    }

    /** SnakeYAML's marks count code points; Java strings count UTF-16 units. */
    private static String replace(String text, List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Replacement r : replacements) {
            int start = text.offsetByCodePoints(0, r.start());
            int end = text.offsetByCodePoints(0, r.end());
            out.append(text, last, start).append(r.text());
            last = end;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static UpdateResult.ObjectId objectId(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            return new UpdateResult.ObjectId("", "", "", "");
        }
        Object metadata = map.get("metadata");
        Map<?, ?> meta = metadata instanceof Map<?, ?> m ? m : Map.of();
        return new UpdateResult.ObjectId(text(map.get("apiVersion")), text(map.get("kind")), text(meta.get("namespace")), text(meta.get("name")));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<Object> loadAll(String text) {
        List<Object> documents = new ArrayList<>();
        new Yaml(new LoaderOptions()).loadAll(text).forEach(documents::add);
        return documents;
    }

    // --- where in the YAML we are: inside a mapping the events alternate key, value ---------------------------

    private static final class Collection {
        final boolean mapping;
        boolean expectingValue;

        Collection(boolean mapping) {
            this.mapping = mapping;
        }
    }

    private static boolean isKey(Deque<Collection> stack) {
        return !stack.isEmpty() && stack.peek().mapping && !stack.peek().expectingValue;
    }

    /** A node (scalar or collection start) was seen in the current collection. */
    private static void noteValue(Deque<Collection> stack) {
        if (!stack.isEmpty() && stack.peek().mapping) {
            stack.peek().expectingValue = !stack.peek().expectingValue;
        }
    }

    private record Replacement(int start, int end, String text) {
    }
}
