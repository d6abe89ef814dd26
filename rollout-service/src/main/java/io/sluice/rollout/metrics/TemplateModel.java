package io.sluice.rollout.metrics;

import java.util.Map;

/**
 * The values Flagger's query templates can use: {@code {{ name }}}, {@code {{ namespace }}}, {@code {{ target }}},
 * {@code {{ service }}}, {@code {{ ingress }}}, {@code {{ interval }}} and {@code {{ variables.<key> }}} from the
 * metric's {@code templateVariables}.
 */
public record TemplateModel(String name, String namespace, String target, String service, String ingress, String interval,
                            Map<String, String> variables) {

    public TemplateModel {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
