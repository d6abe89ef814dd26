package io.sluice.render.helm;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseSpec;
import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.artifact.UnpackedArtifact;
import io.sluice.render.substitute.MapVariableSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * In-process Helm rendering against the {@code helm template} binary on the same chart (30 templates, a helper, a
 * values file) and values, never part of the normal build:
 * {@code ./mvnw -pl render-service -am -DskipTests -Pbench verify [-Dbench.runs=200] [-Dbench.helm=/usr/local/bin/helm]}.
 * Prints the median and mean of each, and the ratio; the first renders (JNA and Go runtime start) are warm-up.
 */
public final class HelmRenderBenchmark {

    private static final int TEMPLATES = 30;

    private HelmRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String helm = args[1];
        int warmup = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("helm-bench-");
        try {
            Path chart = writeChart(dir.resolve("bench"));
            Map<String, Object> values = Map.of("replicaCount", 3, "image", Map.of("tag", "6.5.4"));
            Files.writeString(dir.resolve("values.yaml"), "replicaCount: 3\nimage:\n  tag: \"6.5.4\"\n");
            HelmReleaseRenderer renderer = new HelmReleaseRenderer(ArtifactLimits.DEFAULT);
            HelmRelease release = release(values);

            String inProcess = renderer.templateText(chart, "bench", "default", values, false);
            for (int i = 0; i < warmup; i++) {
                renderer.templateText(chart, "bench", "default", values, false);
                renderer.render(release, chart, "bench chart", new MapVariableSource());
            }
            List<Long> template = new ArrayList<>();
            List<Long> full = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                renderer.templateText(chart, "bench", "default", values, false);
                template.add(System.nanoTime() - start);
                start = System.nanoTime();
                renderer.render(release, chart, "bench chart", new MapVariableSource());
                full.add(System.nanoTime() - start);
            }
            List<Long> binary = new ArrayList<>();
            int binaryRuns = Math.max(5, runs / 10);
            String binaryOutput = null;
            for (int i = 0; i < binaryRuns; i++) {
                long start = System.nanoTime();
                binaryOutput = runHelm(helm, dir);
                binary.add(System.nanoTime() - start);
            }
            System.out.printf("chart: %d templates; in-process output %s helm template's%n", TEMPLATES,
                    inProcess.equals(binaryOutput) ? "identical to" : "DIFFERENT from");
            print("in-process template (as helm template)", template);
            print("in-process HelmRelease render (values, chart, post-render)", full);
            print("helm template binary (" + helm + ")", binary);
            System.out.printf("ratio (binary median / in-process template median): %.1fx%n",
                    (double) median(binary) / median(template));
        } finally {
            UnpackedArtifact.deleteTree(dir);
        }
    }

    private static HelmRelease release(Map<String, Object> values) {
        HelmReleaseSpec spec = new HelmReleaseSpec();
        spec.setValues(values);
        HelmRelease release = new HelmRelease();
        release.setMetadata(new ObjectMetaBuilder().withNamespace("default").withName("bench").withGeneration(1L).build());
        release.setSpec(spec);
        return release;
    }

    /** A chart of 30 Deployment/Service/ConfigMap templates sharing a helper, podinfo-sized each. */
    private static Path writeChart(Path chart) throws IOException {
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: bench\nversion: 1.0.0\nappVersion: 6.5.4\n");
        Files.writeString(chart.resolve("values.yaml"), "replicaCount: 1\nimage:\n  repository: ghcr.io/stefanprodan/podinfo\n  tag: \"\"\n"
                + "resources:\n  requests:\n    cpu: 10m\n    memory: 16Mi\n");
        Files.writeString(chart.resolve("templates/_helpers.tpl"), """
                {{- define "bench.labels" -}}
                app.kubernetes.io/name: {{ .Chart.Name }}
                app.kubernetes.io/instance: {{ .Release.Name }}
                helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
                {{- end }}
                """);
        String[] kinds = {"deployment", "service", "configmap"};
        for (int i = 0; i < TEMPLATES - 1; i++) {
            String kind = kinds[i % kinds.length];
            String body = switch (kind) {
                case "deployment" -> """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: {{ .Release.Name }}-app-%1$d
                          labels:
                            {{- include "bench.labels" . | nindent 4 }}
                        spec:
                          replicas: {{ .Values.replicaCount }}
                          selector:
                            matchLabels:
                              app: {{ .Release.Name }}-app-%1$d
                          template:
                            metadata:
                              labels:
                                app: {{ .Release.Name }}-app-%1$d
                            spec:
                              containers:
                                - name: app
                                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                                  resources:
                                    {{- toYaml .Values.resources | nindent 12 }}
                        """;
                case "service" -> """
                        apiVersion: v1
                        kind: Service
                        metadata:
                          name: {{ .Release.Name }}-svc-%1$d
                          labels:
                            {{- include "bench.labels" . | nindent 4 }}
                        spec:
                          ports:
                            - port: {{ add 9000 %1$d }}
                              targetPort: http
                          selector:
                            app: {{ .Release.Name }}-app-%1$d
                        """;
                default -> """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: {{ .Release.Name }}-cm-%1$d
                          labels:
                            {{- include "bench.labels" . | nindent 4 }}
                        data:
                          index: "%1$d"
                          checksum: {{ .Values | toJson | sha256sum | quote }}
                        """;
            };
            Files.writeString(chart.resolve("templates/t" + String.format("%02d", i) + "-" + kind + ".yaml"), String.format(body, i));
        }
        return chart;
    }

    private static String runHelm(String helm, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(helm, "template", "bench", "bench", "--namespace", "default", "-f", "values.yaml")
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("helm template failed: exit " + process.exitValue());
        }
        return out;
    }

    private static void print(String what, List<Long> nanos) {
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        System.out.printf("%-62s median %8.2f ms  mean %8.2f ms  (%d runs)%n", what, median(nanos) / 1e6, mean, nanos.size());
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
