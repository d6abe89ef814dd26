package io.sluice.render.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One hook of a chart, as Helm's manifest sorter reads it from a rendered document: the events it runs on
 * ({@code helm.sh/hook}), its weight ({@code helm.sh/hook-weight}, 0 when absent or not a number), its delete
 * policies ({@code helm.sh/hook-delete-policy}) and output log policies ({@code helm.sh/hook-output-log-policy}).
 *
 * @param name     {@code metadata.name}
 * @param kind     the object's kind
 * @param path     the template it came from, {@code podinfo/templates/tests/test.yaml}
 * @param manifest the rendered document
 */
record HelmHook(String name, String kind, String path, String manifest, List<String> events, int weight,
                List<String> deletePolicies, List<String> outputLogPolicies) {

    /** The events Helm knows; a hook naming any other is left out of the release altogether, as Helm does. */
    static final List<String> EVENTS = List.of("pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade",
            "post-upgrade", "pre-rollback", "post-rollback", "test");

    /** Helm's JSON of a hook not run yet ({@code last_run} with an empty phase; empty lists and weight 0 left out). */
    ObjectNode toJson() {
        ObjectNode out = HelmJson.object();
        out.put("name", name);
        out.put("kind", kind);
        out.put("path", path);
        out.put("manifest", manifest);
        if (!events.isEmpty()) {
            events.forEach(out.withArray("events")::add);
        }
        out.putObject("last_run").put("phase", "");
        if (weight != 0) {
            out.put("weight", weight);
        }
        if (!deletePolicies.isEmpty()) {
            deletePolicies.forEach(out.withArray("delete_policies")::add);
        }
        if (!outputLogPolicies.isEmpty()) {
            outputLogPolicies.forEach(out.withArray("output_log_policies")::add);
        }
        return out;
    }
}
