package io.sluice.kustomize;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every case folder under src/test/resources/cases (and our own under .../unit): builds
 * input/&lt;build_dir.txt&gt; and compares the printed YAML with expected.yaml byte for byte, or
 * expects a {@link KustomizeException} when the folder has expected_error.txt.
 * Cases listed in known-failing.txt must still fail (so a fix forces removing them from the list).
 */
class KustomizeCasesTest {
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        Map<String, String> knownFailing = knownFailing();
        List<DynamicTest> tests = new ArrayList<>();
        for (String group : List.of("cases", "unit")) {
            Path dir = RESOURCES.resolve(group);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                // a case is a folder with build_dir.txt (folders still being written are not cases yet)
                s.filter(c -> Files.isRegularFile(c.resolve("build_dir.txt"))).sorted().forEach(c -> {
                    String name = c.getFileName().toString();
                    String reason = knownFailing.get(name);
                    String display = group + "/" + name + (reason == null ? "" : " (known failing: " + reason + ")");
                    tests.add(DynamicTest.dynamicTest(display, () -> runCase(c, reason != null)));
                });
            }
        }
        assertFalse(tests.isEmpty(), "no case folders found under " + RESOURCES.toAbsolutePath());
        return tests.stream();
    }

    private static void runCase(Path c, boolean knownFailing) throws IOException {
        String buildDir = Files.readString(c.resolve("build_dir.txt")).trim();
        Path input = c.resolve("input").resolve(buildDir);
        Path expected = c.resolve("expected.yaml");
        if (Files.exists(expected)) {
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            if (knownFailing) {
                String got;
                try {
                    got = new Kustomizer().buildYaml(input);
                } catch (KustomizeException e) {
                    return; // still failing, as listed
                }
                assertNotEquals(want, got, c.getFileName() + " passes now: remove it from known-failing.txt");
                return;
            }
            String got;
            try {
                got = new Kustomizer().buildYaml(input);
            } catch (KustomizeException e) {
                throw new AssertionError(c.getFileName() + ": unexpected build error: " + e.getMessage(), e);
            }
            assertEquals(want, got, c.getFileName() + ": output differs from expected.yaml");
        } else {
            assertTrue(Files.exists(c.resolve("expected_error.txt")), c + " has neither expected.yaml nor expected_error.txt");
            if (knownFailing) {
                try {
                    new Kustomizer().buildYaml(input);
                } catch (KustomizeException e) {
                    throw new AssertionError(c.getFileName() + " passes now: remove it from known-failing.txt");
                }
                return;
            }
            KustomizeException e = assertThrows(KustomizeException.class, () -> new Kustomizer().buildYaml(input),
                    c.getFileName() + ": expected a build error (see expected_error.txt)");
            String msg = e.getMessage();
            assertTrue(msg != null && msg.length() > 10, "error message should say what and where: " + msg);
        }
    }

    private static Map<String, String> knownFailing() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path f = RESOURCES.resolve("known-failing.txt");
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f)) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int sp = t.indexOf(' ');
            out.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1).trim());
        }
        return out;
    }
}
