package io.sluice.apply.ssa;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How Sluice knows, without asking the API server anything per object, that applying an object would
 * change nothing.
 *
 * <p>Every applied object carries the annotation {@value #ANNOTATION}: the SHA-256 of the object exactly as
 * Sluice applied it (owner labels included, this annotation left out; keys sorted, so the digest does not
 * depend on the order of fields in the YAML). On the next run the live objects are read with one LIST per
 * kind and namespace, and an object is <b>unchanged</b>, skipped without a dry run and without a write, when
 * both hold:
 * <ol>
 *   <li>the live annotation equals the digest of the desired object: what Sluice last applied is exactly
 *       what it would apply now, so the apply would neither add nor remove a field Sluice manages; and</li>
 *   <li>the live object still holds every value of the desired object ({@link #holds}): nobody has changed
 *       or removed any of them since. A hand edit of a field Sluice applied is drift and fails this test,
 *       even though the annotation still matches; fields only others set (a controller's status, an
 *       annotation added by hand, defaults the server filled in) are not compared, as an apply would keep
 *       them too.</li>
 * </ol>
 * Anything else (no annotation: an object created by someone else or by an older Sluice; another digest:
 * the manifest changed; a value differs) goes the safe way: a server-side dry run, compared with the live
 * object ({@link Differ}), then an apply if they differ. The check only ever says "unchanged" for an object
 * whose applied fields are all present with the applied values, which is when the server's own apply
 * would change nothing either. Values the server rewrites (a quantity {@code 0.5} stored as {@code 500m},
 * a Secret's {@code stringData}) never match and simply take the dry-run path every time.
 *
 * <p>Why not "the resourceVersion Sluice's apply returned": controllers write status all the time (every
 * Deployment rollout), which moves the resourceVersion without touching what Sluice applied, and the
 * value would have to be remembered somewhere that survives a restart.
 */
public final class AppliedDigest {

    /** The annotation holding the digest of what Sluice applied, {@code sha256:<hex>}. */
    public static final String ANNOTATION = "sluice.io/applied-digest";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppliedDigest() {
    }

    /** The digest of an object as it will be applied, without its {@value #ANNOTATION} annotation. */
    public static String of(ObjectNode desired) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (JsonGenerator out = JSON.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
                writeCanonical(out, desired, 0, false);
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a JSON tree", e);
        }
    }

    /**
     * Writes the tree as JSON with object fields in key order at every depth (so the digest does not depend on
     * the order of the YAML) and without the digest annotation; straight into the digest, no copy of the tree.
     */
    private static void writeCanonical(JsonGenerator out, JsonNode node, int depth, boolean inMetadata) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.writeStartObject();
            for (String name : names) {
                JsonNode value = node.get(name);
                boolean annotations = inMetadata && depth == 1 && name.equals("annotations");
                if (annotations && value.size() == (value.has(ANNOTATION) ? 1 : 0)) {
                    continue; // only the digest, or empty: as if there were no annotations
                }
                out.writeFieldName(name);
                if (annotations) {
                    writeAnnotations(out, value);
                } else {
                    writeCanonical(out, value, depth + 1, depth == 0 && name.equals("metadata"));
                }
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode item : node) {
                writeCanonical(out, item, depth + 1, false);
            }
            out.writeEndArray();
        } else {
            out.writeTree(node);
        }
    }

    private static void writeAnnotations(JsonGenerator out, JsonNode annotations) throws IOException {
        List<String> names = new ArrayList<>(annotations.size());
        annotations.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        out.writeStartObject();
        for (String name : names) {
            if (!name.equals(ANNOTATION)) {
                out.writeFieldName(name);
                out.writeTree(annotations.get(name));
            }
        }
        out.writeEndObject();
    }

    /** The object with {@value #ANNOTATION} set to its digest (changes and returns {@code desired}). */
    static ObjectNode annotate(ObjectNode desired) {
        String digest = of(desired);
        ObjectNode metadata = desired.has("metadata") ? (ObjectNode) desired.get("metadata") : desired.putObject("metadata");
        ObjectNode annotations = metadata.get("annotations") instanceof ObjectNode existing ? existing : metadata.putObject("annotations");
        annotations.put(ANNOTATION, digest);
        return desired;
    }

    /**
     * True when the live object proves that applying {@code desired} (already {@link #annotate annotated})
     * changes nothing: same digest, and every desired value still in place.
     */
    static boolean provesUnchanged(ObjectNode desired, JsonNode live) {
        String wanted = desired.path("metadata").path("annotations").path(ANNOTATION).asText("");
        String recorded = live.path("metadata").path("annotations").path(ANNOTATION).asText("");
        return !wanted.isEmpty() && wanted.equals(recorded) && holds(live, desired);
    }

    /**
     * Whether {@code live} holds every value of {@code desired}: maps field by field (live may have more
     * fields), lists item by item in order and of the same length (an item added by someone else is left
     * to the dry run to judge), scalars equal (numbers by value). A desired null means "absent".
     */
    static boolean holds(JsonNode live, JsonNode desired) {
        if (desired == null || desired.isNull()) {
            return live == null || live.isNull() || live.isMissingNode();
        }
        if (live == null || live.isMissingNode()) {
            return false;
        }
        if (desired.isObject()) {
            if (!live.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = desired.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!holds(live.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!live.isArray() || live.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!holds(live.get(i), desired.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isNumber() && live.isNumber()) {
            return desired.decimalValue().compareTo(live.decimalValue()) == 0;
        }
        return desired.equals(live);
    }
}
