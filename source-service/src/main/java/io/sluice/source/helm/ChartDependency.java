package io.sluice.source.helm;

/**
 * One entry of a chart's {@code dependencies} (Chart.yaml) or {@code requirements.yaml}.
 *
 * @param name       the chart's name in its repository
 * @param version    a SemVer range, e.g. {@code ~1.2.0}
 * @param repository {@code https://…} (a chart repository), {@code oci://…}, {@code file://…} (a folder beside the
 *                   chart), or empty (the chart is in {@code charts/})
 * @param alias      the name the chart goes by in its parent, or empty
 */
public record ChartDependency(String name, String version, String repository, String alias) {

    /** The name the dependency goes by in its parent: its alias, else its name. */
    public String key() {
        return alias.isEmpty() ? name : alias;
    }

    /** A chart beside this one in the same source ({@code file://} or no repository), as Helm and Flux tell them apart. */
    public boolean isLocal() {
        return repository.isEmpty() || repository.startsWith("file://");
    }
}
