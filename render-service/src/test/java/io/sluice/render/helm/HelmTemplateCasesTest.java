package io.sluice.render.helm;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;
import io.sluice.render.artifact.ArtifactLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sluice's in-process Helm rendering against the helm binary, byte for byte, one case folder each under
 * {@code src/test/resources/helm-cases/}: {@code chart/}, {@code values.yaml} (optional), {@code case.yaml}
 * (releaseName, namespace, includeCrds) and {@code expected.yaml}, which is what {@code helm template} (v4.1.4) printed
 * for them. Where a helm binary is on the PATH (CI installs it), it is run again and must still print
 * {@code expected.yaml}, so the expectation cannot go stale; a new case is a new folder.
 */
class HelmTemplateCasesTest {

    private static final Path CASES = Path.of("src/test/resources/helm-cases");
    private final HelmReleaseRenderer renderer = new HelmReleaseRenderer(ArtifactLimits.DEFAULT);

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersWhatHelmTemplatePrints(String name) throws Exception {
        Case c = Case.read(CASES.resolve(name));
        String expected = Files.readString(c.dir.resolve("expected.yaml"), StandardCharsets.UTF_8);

        String rendered = renderer.templateText(c.dir.resolve("chart"), c.releaseName, c.namespace, c.values, c.includeCrds);

        assertThat(rendered).isEqualTo(expected);
        String binary = HelmBinary.find();
        if (binary == null) {
            System.out.println("helm-cases/" + name + ": no helm binary on the PATH; compared with the recorded expected.yaml only");
            return;
        }
        assertThat(HelmBinary.template(binary, c)).as("helm template still prints expected.yaml").isEqualTo(expected);
    }

    /** One case folder. */
    record Case(Path dir, String releaseName, String namespace, boolean includeCrds, Map<String, Object> values) {
        static Case read(Path dir) throws IOException {
            Map<String, Object> spec = Values.asMap(YamlReader.readOne(Files.readString(dir.resolve("case.yaml")), "case.yaml"));
            Path valuesFile = dir.resolve("values.yaml");
            Map<String, Object> values = Files.exists(valuesFile)
                    ? Values.asMap(YamlReader.readOne(Files.readString(valuesFile), "values.yaml", true)) : Map.of();
            return new Case(dir, (String) spec.get("releaseName"), (String) spec.get("namespace"),
                    Boolean.TRUE.equals(spec.get("includeCrds")), values == null ? Map.of() : values);
        }
    }

    /** The helm binary, when there is one. */
    static final class HelmBinary {
        static String find() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "helm");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
            return null;
        }

        static String template(String binary, Case c) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(binary, "template", c.releaseName, "chart", "--namespace", c.namespace));
            if (Files.exists(c.dir.resolve("values.yaml"))) {
                command.addAll(List.of("-f", "values.yaml"));
            }
            if (c.includeCrds) {
                command.add("--include-crds");
            }
            Process process = new ProcessBuilder(command).directory(c.dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("helm template exit code").isZero();
            return out;
        }
    }
}
