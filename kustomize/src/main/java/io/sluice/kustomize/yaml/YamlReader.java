package io.sluice.kustomize.yaml;

import io.sluice.kustomize.KustomizeException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML text into plain Java values ({@link YamlMap} / {@code LinkedHashMap<String,Object>},
 * {@code ArrayList}, String, Long, BigInteger, Double, Boolean, null) as kustomize sees them: with go-yaml's
 * scanner rules ({@link YamlScanner}), plain scalars resolved as go-yaml v3 does (v2 with {@code yaml11}), and
 * multi-document files split the way kyaml splits them ({@link #readAll}).
 */
public final class YamlReader {

    private YamlReader() {
    }

    /** The objects of a file of Kubernetes objects, as kyaml reads it; empty documents are dropped. */
    public static List<Object> readAll(String text, String source) {
        return readAll(text, source, false);
    }

    /**
     * kyaml's reading of a multi-document file: CR LF becomes LF, the text is cut at every line that starts with
     * {@code ---} (only blanks or a comment may follow it on that line), and only the first document of each
     * piece is read (so a {@code ...} end marker ends the piece). With {@code yaml11}, plain scalars resolve by
     * YAML 1.1 rules as go-yaml v2 does (yes/no/on/off/y/n are booleans).
     */
    public static List<Object> readAll(String text, String source, boolean yaml11) {
        String s = text.replace("\r\n", "\n");
        List<Object> docs = new ArrayList<>();
        int prev = 0;
        int lineOffset = 0;
        int from = 0;
        while (true) {
            int sep = s.indexOf("\n---", from);
            int end = sep < 0 ? -1 : s.indexOf('\n', sep + 4);
            if (end < 0) {
                break;
            }
            String after = GoStrings.trimSpace(s.substring(sep + 4, end));
            if (!after.isEmpty() && after.charAt(0) != '#') {
                throw new KustomizeException("malformed YAML in " + source + ": invalid document separator: "
                        + GoStrings.trimSpace(s.substring(sep, end)));
            }
            addFirstDocument(s.substring(prev, sep) + "\n", source, yaml11, lineOffset, docs);
            lineOffset += countLines(s, prev, end + 1);
            prev = end + 1;
            from = end + 1;
        }
        addFirstDocument(s.substring(prev), source, yaml11, lineOffset, docs);
        return docs;
    }

    private static void addFirstDocument(String piece, String source, boolean yaml11, int lineOffset, List<Object> docs) {
        try {
            YamlParser p = new YamlParser(piece, yaml11);
            if (p.hasNext()) {
                Object doc = p.next();
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (YamlSyntaxException e) {
            throw malformed(source, e, lineOffset);
        }
    }

    /** Parses a single document (or null when the text is empty). */
    public static Object readOne(String text, String source) {
        return readOne(text, source, false);
    }

    /**
     * The first document of {@code text}, as go-yaml's Unmarshal reads it (kustomization files, JSON patches,
     * configurations); a second document is refused, since it would be ignored silently.
     */
    public static Object readOne(String text, String source, boolean yaml11) {
        try {
            YamlParser p = new YamlParser(text, yaml11);
            if (!p.hasNext()) {
                return null;
            }
            Object doc = p.next();
            if (p.hasNext()) {
                throw new KustomizeException(source + ": expected one YAML document, found more (a '---' line starts another)");
            }
            return doc;
        } catch (YamlSyntaxException e) {
            throw malformed(source, e, 0);
        }
    }

    private static KustomizeException malformed(String source, YamlSyntaxException e, int lineOffset) {
        return new KustomizeException("malformed YAML in " + source + " at line " + (e.line + lineOffset + 1) + ", column "
                + (e.column + 1) + ": " + e.getMessage(), e);
    }

    private static int countLines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

}
