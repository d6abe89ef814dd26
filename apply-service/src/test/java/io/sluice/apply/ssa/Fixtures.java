package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the YAML fixtures under src/test/resources/ssa/, with {@code @ns@} replaced by the test's namespace. */
final class Fixtures {

    private Fixtures() {
    }

    /** A namespace of its own for each test: the method's name, lower-case letters and digits, at most 20 characters. */
    static String namespaceFor(org.junit.jupiter.api.TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return method.substring(0, Math.min(20, method.length()));
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ssa/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture ssa/" + name + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GenericKubernetesResource> load(String name) {
        return Manifests.parse(text(name));
    }

    static List<GenericKubernetesResource> load(String name, String namespace) {
        return Manifests.parse(text(name).replace("@ns@", namespace));
    }

    static GenericKubernetesResource named(List<GenericKubernetesResource> objects, String name) {
        return objects.stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no object named " + name + " in the fixture"));
    }
}
