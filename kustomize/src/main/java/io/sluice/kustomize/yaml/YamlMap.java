package io.sluice.kustomize.yaml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mapping read from YAML that also remembers how its null values were written, which kustomize acts on
 * although the values are all null: an annotation written {@code ~} becomes the string {@code "~"}, a field
 * left empty ({@code key:}) disappears when a strategic merge patch walks over it while {@code key: null}
 * stays, and an empty value inside a flow mapping ({@code {a: }}) prints as {@code ""}. Values that are not
 * null, and nulls written {@code null}, need no note.
 */
public final class YamlMap extends LinkedHashMap<String, Object> {

    /** How a null scalar was written: its text ({@code ""} when nothing was written), and whether inside a flow mapping. */
    public record NullText(String text, boolean inFlow) {
        static final NullText EMPTY = new NullText("", false);
        static final NullText EMPTY_IN_FLOW = new NullText("", true);

        /** True for a value left out entirely ({@code key:}), which kyaml's merge drops. */
        public boolean empty() {
            return text.isEmpty();
        }
    }

    private Map<String, NullText> nullTexts;

    public YamlMap() {
    }

    /** Records how the (null) value of {@code key} was written, unless it was the plain word {@code null}. */
    void noteNull(String key, NullText how) {
        if (how.text().equals("null") && !how.inFlow()) {
            return;
        }
        if (nullTexts == null) {
            nullTexts = new HashMap<>();
        }
        nullTexts.put(key, how);
    }

    /** How the null value of {@code key} was written; {@code null} text when nothing special was noted. */
    public NullText nullText(String key) {
        NullText t = nullTexts == null ? null : nullTexts.get(key);
        return t == null ? new NullText("null", false) : t;
    }

    /** A copy of this map's notes onto another map (after a deep copy). */
    void copyNotesTo(YamlMap other) {
        if (nullTexts != null) {
            other.nullTexts = new HashMap<>(nullTexts);
        }
    }

    /** How the null at {@code key} of any map was written ({@code null} for maps not read from YAML). */
    public static NullText nullTextOf(Map<String, Object> map, String key) {
        return map instanceof YamlMap y ? y.nullText(key) : new NullText("null", false);
    }
}
