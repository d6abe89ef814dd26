package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrdResourcesTest {

    @Test
    void findsV1CrdFilesInClassesDirectoriesAndJarsOnly(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/fabric8"));
        Files.writeString(classes.resolve("widgets.test.sluice.io-v1.yml"), "kind: CustomResourceDefinition\n");
        Files.writeString(classes.resolve("widgets.test.sluice.io-v1beta1.yml"), "old format, skipped\n");
        Files.writeString(classes.resolve("notes.txt"), "skipped\n");

        Path jar = dir.resolve("crds.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Folder entries, as Maven's jar plugin writes them: the folder is found through them.
            out.putNextEntry(new JarEntry("META-INF/"));
            out.putNextEntry(new JarEntry("META-INF/fabric8/"));
            put(out, "META-INF/fabric8/gadgets.test.sluice.io-v1.yml");
            put(out, "META-INF/fabric8/nested/ignored.test.sluice.io-v1.yml");
            put(out, "META-INF/other/things.test.sluice.io-v1.yml");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL(), jar.toUri().toURL()}, null)) {
            List<String> found = CrdResources.find(loader).stream().map(URL::toString).toList();
            assertThat(found).hasSize(2);
            assertThat(found).anyMatch(u -> u.startsWith("file:") && u.endsWith("/META-INF/fabric8/widgets.test.sluice.io-v1.yml"));
            assertThat(found).anyMatch(u -> u.startsWith("jar:file:") && u.endsWith("crds.jar!/META-INF/fabric8/gadgets.test.sluice.io-v1.yml"));
            for (String url : found) {
                try (var in = new URL(url).openStream()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("CustomResourceDefinition");
                }
            }
        }
    }

    private static void put(JarOutputStream out, String name) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream entry = out;
        entry.write("kind: CustomResourceDefinition\n".getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
