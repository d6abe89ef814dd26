package io.sluice.api.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The manifests in {@code src/test/resources/flux-docs}: written the way Flux's documentation writes them,
 * one YAML document per {@link Doc} (files may hold several, separated by {@code ---}).
 */
public final class FluxDocs {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** One YAML document: where it came from and its text. */
    public record Doc(String name, String yaml) {

        public JsonNode tree() {
            return FluxDocs.tree(yaml);
        }

        public String apiVersion() {
            return tree().path("apiVersion").asText();
        }

        public String kind() {
            return tree().path("kind").asText();
        }

        /** Parsed with fabric8's Serialization into the model class Sluice has for its apiVersion and kind. */
        public CustomResource<?, ?> typed() {
            return Serialization.unmarshal(yaml, FluxKinds.require(apiVersion(), kind()));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private FluxDocs() {
    }

    public static List<Doc> all() {
        Path dir = directory();
        try (Stream<Path> files = Files.list(dir)) {
            List<Doc> docs = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).split("(?m)^---\\s*$");
                int index = 0;
                for (String part : parts) {
                    if (part.lines().anyMatch(line -> line.startsWith("kind:"))) {
                        docs.add(new Doc(file.getFileName() + "#" + index++, part));
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one document of this file name (first document when there are several). */
    public static Doc named(String fileName) {
        return all().stream().filter(d -> d.name().startsWith(fileName + "#")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flux-docs/" + fileName));
    }

    /** Parses YAML or JSON text into a tree with JSON's number types, so trees from YAML and from Java compare equal. */
    public static JsonNode tree(String text) {
        try {
            return JSON.readTree(JSON.writeValueAsString(YAML.readTree(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        URL url = FluxDocs.class.getResource("/flux-docs");
        if (url == null) {
            throw new IllegalStateException("flux-docs is not on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
