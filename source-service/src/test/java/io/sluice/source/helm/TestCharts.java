package io.sluice.source.helm;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Chart packages as {@code helm package} lays them out (one top folder named after the chart), made for tests. */
public final class TestCharts {

    private TestCharts() {
    }

    /** A chart package of {@code name} at {@code version} with one ConfigMap template. */
    public static byte[] chart(String name, String version) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: " + version + "\ndescription: a test chart\n");
        files.put("values.yaml", "replicas: 1\n");
        files.put("templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
        return tgz(name, files);
    }

    /** A gzip tar of {@code files} under the folder {@code top}. */
    public static byte[] tgz(String top, Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] data = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(top + "/" + file.getKey());
                entry.setSize(data.length);
                entry.setModTime(0); // the same chart gives the same bytes, so tests can compare them
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An index.yaml listing {@code versions} of {@code name}, each at {@code <name>-<version>.tgz} (relative URLs). */
    public static String index(String name, String... versions) {
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n  ").append(name).append(":\n");
        for (String version : versions) {
            index.append("  - name: ").append(name).append("\n    version: ").append(version)
                    .append("\n    urls: [").append(name).append('-').append(version).append(".tgz]\n");
        }
        return index.toString();
    }
}
