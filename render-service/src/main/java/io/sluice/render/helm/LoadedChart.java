package io.sluice.render.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A chart as a release stores it.
 *
 * @param name       {@code Chart.yaml} name
 * @param version    {@code Chart.yaml} version: Flux's {@code lastAttemptedRevision}
 * @param appVersion {@code Chart.yaml} appVersion; null when absent
 * @param json       Helm's chart JSON ({@code metadata}, {@code lock}, {@code templates}, {@code values}, {@code schema},
 *                   {@code files}), the {@code chart} of the stored release
 */
record LoadedChart(String name, String version, String appVersion, ObjectNode json) {
}
