package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Multi-document YAML to objects, and objects to JSON trees (what {@link Differ} compares). */
public final class Manifests {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    /**
     * Every document of a YAML stream as an object; empty documents (a leading {@code ---}, comments
     * only) are skipped. A document that is not a mapping, or lacks apiVersion, kind or
     * metadata.name, is an error naming its position in the stream.
     */
    public static List<GenericKubernetesResource> parse(String yaml) {
        return parseTrees(yaml).stream().map(Manifests::object).toList();
    }

    /** The same documents as mutable JSON trees (what {@link DesiredSet} applies), with the same checks. */
    static List<ObjectNode> parseTrees(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                index++;
                if (document == null || document.isNull() || document.isMissingNode()
                        || (document.isObject() && document.isEmpty())) {
                    continue;
                }
                if (!(document instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("YAML document " + index + " is not a mapping but " + document.getNodeType()
                            + "; every document must be one Kubernetes object");
                }
                try {
                    ObjectRef.of(object);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("YAML document " + index + ": " + e.getMessage(), e);
                }
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("manifests are not valid YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    /** The object as a mutable JSON tree. */
    public static ObjectNode tree(Object object) {
        return JSON.valueToTree(object);
    }

    /** A JSON tree as an object (for the client's DSL). */
    public static GenericKubernetesResource object(ObjectNode tree) {
        return JSON.convertValue(tree, GenericKubernetesResource.class);
    }

    /** A deep copy, so that callers' objects are never changed. */
    public static GenericKubernetesResource copy(GenericKubernetesResource object) {
        return JSON.convertValue(tree(object), GenericKubernetesResource.class);
    }
}
