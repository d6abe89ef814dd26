package io.sluice.cli.up;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A Sluice checkout for tests: the real examples/quickstart, and for each service a tiny
 * {@code target/quarkus-app/quarkus-run.jar} running {@link FakeQuarkusApp} in a chosen mode.
 */
final class FakeHome {

    private FakeHome() {
    }

    /** @param modes service name to mode; services not named get {@code ready} */
    static Path create(Path dir, Map<String, String> modes) throws IOException {
        copyTree(CliProcess.home().resolve("examples/quickstart"), dir.resolve("examples/quickstart"));
        Path jar = dir.resolve("fake-service.jar");
        writeJar(jar);
        for (SluiceService service : SluiceService.ALL) {
            Path target = service.jar(dir);
            Files.createDirectories(target.getParent());
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target.resolveSibling("fake-mode"), modes.getOrDefault(service.name(), "ready"));
        }
        return dir;
    }

    private static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeQuarkusApp.class.getName());
        Path classes = testClasses();
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream, manifest)) {
            for (Class<?> type : new Class<?>[] {FakeQuarkusApp.class, FakeService.class}) {
                String prefix = type.getName().replace('.', '/');
                try (Stream<Path> files = Files.list(classes.resolve(prefix).getParent())) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(type.getSimpleName())).toList()) {
                        String entry = classes.relativize(file).toString().replace('\\', '/');
                        out.putNextEntry(new JarEntry(entry));
                        out.write(Files.readAllBytes(file));
                        out.closeEntry();
                    }
                }
            }
        }
    }

    /** target/test-classes. */
    private static Path testClasses() {
        try {
            return Path.of(FakeHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
