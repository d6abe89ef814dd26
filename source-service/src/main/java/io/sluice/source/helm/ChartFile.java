package io.sluice.source.helm;

/**
 * One file of a chart, its path relative to the chart's folder ({@code templates/deployment.yaml}).
 *
 * @param path '/'-separated, no '.' or '..' segments
 * @param data its bytes (charts are small: Helm refuses chart files over a few MB)
 */
public record ChartFile(String path, byte[] data) {
}
