package io.sluice.render.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Helm's own template engine, in this process: helm-java's {@code template} (the Helm 3 SDK's client-only dry-run
 * install, what {@code helm template} runs), about 5 ms a chart once loaded. It renders what {@code helm template}
 * renders: the same functions, the same values coalescing, {@code values.schema.json} checked, dependencies from
 * {@code charts/}. As in {@code helm template}, nothing reaches a cluster: {@code lookup} finds nothing and
 * {@code .Capabilities} are Helm's defaults.
 *
 * <p>The values are written to a file beside the chart (JSON, which is YAML) and given with {@code -f}, so their
 * types are kept exactly; {@code --set} would turn them into strings and numbers by its own rules.
 */
final class HelmTemplateEngine {

    static {
        // The native library comes with the linux-amd64 jar; never let helm-java fetch one from the network.
        System.setProperty("com.marcnuri.jkube-helm.skipRemoteJar", "true");
    }

    private HelmTemplateEngine() {
    }

    /**
     * Renders the (masked) chart of {@code workspace} with {@code values}, as release {@code name} in {@code namespace}.
     *
     * @return the engine's output, still masked
     * @throws HelmRenderException {@link HelmRenderException.Kind#CHART} with Helm's message (unmasked, paths of the
     *                             working copy left out)
     */
    static String render(ChartWorkspace workspace, String name, String namespace, Map<String, Object> values) {
        Path valuesFile = workspace.file("values.json");
        try {
            Files.writeString(valuesFile, ChartWorkspace.mask(HelmJson.MAPPER.writeValueAsString(values)), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new HelmRenderException(HelmRenderException.Kind.VALUES, "the values cannot be written as JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "cannot write the values for Helm: " + e.getMessage(), e);
        }
        try {
            return new Helm(workspace.chart()).template().withName(name).withNamespace(namespace).withValuesFile(valuesFile).call();
        } catch (IllegalStateException e) {
            // helm-java reports Helm's error as the exception's message
            throw new HelmRenderException(HelmRenderException.Kind.CHART, clean(e.getMessage(), workspace), e);
        }
    }

    private static String clean(String message, ChartWorkspace workspace) {
        if (message == null) {
            return "Helm failed without a message";
        }
        String text = ChartWorkspace.unmask(message).replace(workspace.chart().toString() + "/", "").replace(workspace.chart().toString(), ".")
                .replace("\n\nUse --debug flag to render out invalid YAML", "");
        return text.strip();
    }
}
