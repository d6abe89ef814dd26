package io.sluice.source.helm;

import java.util.List;
import java.util.Objects;

/**
 * A chart as Helm loads it, sorted into the parts Helm keeps apart: metadata (Chart.yaml), the lock (Chart.lock),
 * the default values (values.yaml) and their schema, the templates, the other files, and the subcharts (from
 * {@code charts/}, folders or packages), each a chart itself.
 *
 * @param metadata     Chart.yaml (with a v1 chart's requirements.yaml dependencies)
 * @param lock         Chart.lock as read, or null
 * @param values       values.yaml as read, or null when the chart has none
 * @param schema       values.schema.json as read, or null
 * @param templates    {@code templates/…}, in path order
 * @param files        every other file (README, .helmignore, requirements.yaml, …), in path order
 * @param dependencies the subcharts, in name order
 */
public record Chart(ChartMetadata metadata, byte[] lock, byte[] values, byte[] schema, List<ChartFile> templates,
                    List<ChartFile> files, List<Chart> dependencies) {

    public Chart {
        Objects.requireNonNull(metadata, "metadata");
        templates = List.copyOf(templates);
        files = List.copyOf(files);
        dependencies = List.copyOf(dependencies);
    }

    public String name() {
        return metadata.name();
    }

    public String version() {
        return metadata.version();
    }
}
