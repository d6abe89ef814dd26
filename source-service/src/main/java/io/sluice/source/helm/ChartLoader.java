package io.sluice.source.helm;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Loads a chart as Helm's loader does from a chart package (.tgz): Chart.yaml, Chart.lock, values.yaml, values.schema.json, {@code templates/}, {@code charts/} (each
 * folder or .tgz a subchart, names starting with '.' or '_' skipped) and the other files.
 */
public final class ChartLoader {

    /** Helm's limit for one file of a chart package (helm.MaxChartFileSize in Flux). */
    static final long MAX_FILE = 5L * 1024 * 1024;
    /** Helm's limit for a chart package (helm.MaxChartSize in Flux). */
    static final long MAX_PACKAGE = 10L * 1024 * 1024;

    private ChartLoader() {
    }

    /** A chart package: one top folder holding the chart. */
    public static Chart fromArchive(byte[] tgz, String where) throws ChartException {
        if (tgz.length > MAX_PACKAGE) {
            throw new ChartException("the chart package " + where + " is " + tgz.length + " bytes, more than Helm's limit of " + MAX_PACKAGE);
        }
        return fromFiles(readArchive(new ByteArrayInputStream(tgz), where), where);
    }

    /** The files of a chart package, their paths without the top folder (checked as Helm checks them). */
    static Map<String, byte[]> readArchive(InputStream tgz, String where) throws ChartException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(tgz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.isFile()) {
                    continue;
                }
                String name = entry.getName().replace('\\', '/');
                int slash = name.indexOf('/');
                String path = slash < 0 ? "" : name.substring(slash + 1);
                if (path.startsWith("/") || path.isEmpty()) {
                    throw new ChartException("the chart package " + where + " illegally contains content outside the base directory: " + entry.getName());
                }
                for (String segment : path.split("/")) {
                    if (segment.equals("..")) {
                        throw new ChartException("the chart package " + where + " illegally references a parent directory: " + entry.getName());
                    }
                }
                if (entry.getSize() > MAX_FILE) {
                    throw new ChartException("the file " + entry.getName() + " of the chart package " + where + " is larger than Helm's limit of " + MAX_FILE + " bytes");
                }
                files.put(path, tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new ChartException("the chart package " + where + " is not a gzip-compressed tar: " + ChartMetadata.firstLine(e.getMessage()), e);
        }
        if (files.isEmpty()) {
            throw new ChartException("the chart package " + where + " is empty");
        }
        return files;
    }

    private static Chart fromFiles(Map<String, byte[]> files, String where) throws ChartException {
        byte[] chartYaml = files.get("Chart.yaml");
        if (chartYaml == null) {
            throw new ChartException("no 'Chart.yaml' in the chart " + where);
        }
        ChartMetadata metadata = ChartMetadata.parse(chartYaml, files.get("requirements.yaml"), where);
        metadata.validate(where);
        byte[] lock = null;
        byte[] values = null;
        byte[] schema = null;
        List<ChartFile> templates = new ArrayList<>();
        List<ChartFile> other = new ArrayList<>();
        Map<String, Map<String, byte[]>> subcharts = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            switch (path) {
                case "Chart.yaml" -> { }
                case "Chart.lock" -> lock = file.getValue();
                case "values.yaml" -> values = file.getValue();
                case "values.schema.json" -> schema = file.getValue();
                default -> {
                    if (path.startsWith("templates/")) {
                        templates.add(new ChartFile(path, file.getValue()));
                    } else if (path.startsWith("charts/") && !path.endsWith(".prov")) {
                        String rest = path.substring("charts/".length());
                        int slash = rest.indexOf('/');
                        String subchart = slash < 0 ? rest : rest.substring(0, slash);
                        subcharts.computeIfAbsent(subchart, k -> new TreeMap<>()).put(slash < 0 ? "" : rest.substring(slash + 1), file.getValue());
                    } else {
                        other.add(new ChartFile(path, file.getValue()));
                    }
                }
            }
        }
        List<Chart> dependencies = new ArrayList<>();
        for (Map.Entry<String, Map<String, byte[]>> subchart : subcharts.entrySet()) {
            String name = subchart.getKey();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue; // Helm skips these
            }
            String subWhere = "'charts/" + name + "' of " + where;
            Map<String, byte[]> subFiles = subchart.getValue();
            if (name.endsWith(".tgz")) {
                dependencies.add(fromArchive(subFiles.get(""), subWhere));
            } else {
                subFiles.remove("");
                dependencies.add(fromFiles(subFiles, subWhere));
            }
        }
        Comparator<ChartFile> byPath = Comparator.comparing(ChartFile::path);
        templates.sort(byPath);
        other.sort(byPath);
        dependencies.sort(Comparator.comparing(Chart::name));
        return new Chart(metadata, lock, values, schema, templates, other, dependencies);
    }
}
