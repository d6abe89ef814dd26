package io.sluice.sandbox.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Finds the CustomResourceDefinition files that fabric8's crd-generator writes into
 * {@code META-INF/fabric8/<plural>.<group>-v1.yml}, in every jar and classes directory on a class path.
 * The generator writes no index, so the folder itself is listed; in a jar that is found through the
 * jar's folder entry, which Maven's jar plugin always writes.
 */
final class CrdResources {

    static final String FOLDER = "META-INF/fabric8/";
    static final String SUFFIX = "-v1.yml";

    private static final Logger LOG = Logger.getLogger(CrdResources.class);

    private CrdResources() {
    }

    /** Every {@code META-INF/fabric8/*-v1.yml} visible to {@code loader}, sorted by URL for a stable order. */
    static List<URL> find(ClassLoader loader) {
        List<URL> found = new ArrayList<>();
        try {
            for (URL folder : Collections.list(loader.getResources(FOLDER))) {
                found.addAll(list(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not search the class path for " + FOLDER + "*" + SUFFIX, e);
        }
        found.sort(Comparator.comparing(URL::toString));
        return found;
    }

    private static List<URL> list(URL folder) throws IOException {
        return switch (folder.getProtocol()) {
            case "file" -> listDirectory(folder);
            case "jar" -> listJar(folder);
            default -> {
                LOG.warnf("Skipping CRDs under %s: cannot list a '%s' URL; register them with"
                        + " SandboxCluster.registerCustomResourceDefinitions(InputStream)", folder, folder.getProtocol());
                yield List.of();
            }
        };
    }

    private static List<URL> listDirectory(URL folder) throws IOException {
        Path dir;
        try {
            dir = Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Bad class path folder URL " + folder, e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<URL> urls = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                urls.add(file.toUri().toURL());
            }
            return urls;
        }
    }

    private static List<URL> listJar(URL folder) throws IOException {
        URLConnection connection = folder.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("Expected a jar connection for " + folder);
        }
        // Caching off: the jar file handle is closed here rather than kept by the JDK's cache.
        jarConnection.setUseCaches(false);
        List<URL> urls = new ArrayList<>();
        try (JarFile jar = jarConnection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(FOLDER) && name.endsWith(SUFFIX) && name.indexOf('/', FOLDER.length()) < 0) {
                    urls.add(new URL("jar:" + jarConnection.getJarFileURL() + "!/" + name));
                }
            }
        }
        return urls;
    }
}
