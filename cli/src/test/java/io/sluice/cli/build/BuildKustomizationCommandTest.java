package io.sluice.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.cli.SluiceCli;
import io.sluice.cli.flux.FluxKind;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;
import io.sluice.kustomize.yaml.YamlWriter;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sluice build kustomization NAME --path DIR} on the fixture repository {@code build/flux}: Kustomizations
 * from a file ({@code --dry-run}) and from a sandbox API (with {@code substituteFrom} read there).
 */
class BuildKustomizationCommandTest {

    private static SandboxCluster cluster;
    private static Path kubeconfig;
    private static Path repo;

    @TempDir
    static Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws URISyntaxException {
        repo = Path.of(BuildKustomizationCommandTest.class.getResource("/build/flux").toURI());
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
        var client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build()).create();
        client.configMaps().inNamespace("apps").resource(new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .withData(Map.of("mode", "fast", "cluster_env", "staging")).build()).create();
        client.secrets().inNamespace("apps").resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
                .withData(Map.of("user", Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.UTF_8)))).build()).create();
        client.genericKubernetesResources(FluxKind.KUSTOMIZATION.context()).inNamespace("apps").resource(Serialization.unmarshal("""
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: web
                  namespace: apps
                spec:
                  interval: 10m
                  path: ./apps/web
                  sourceRef: {kind: GitRepository, name: repo}
                  nameSuffix: -live
                  postBuild:
                    substituteFrom:
                    - kind: ConfigMap
                      name: settings
                    - kind: Secret
                      name: creds
                """, GenericKubernetesResource.class)).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private int run(String... args) {
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int runDry(String name, String path, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "kustomization", name, "--path", repo.resolve(path).toString(),
                "--kustomization-file", repo.resolve("kustomizations.yaml").toString(), "--dry-run"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private List<Map<String, Object>> objects() {
        return YamlReader.readAll(out.toString(), "output").stream().map(Values::asMap).toList();
    }

    private Map<String, Object> find(String kind) {
        return objects().stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    @Test
    void theKustomizationsOverridesApplyOnTopOfTheFolderAsKustomizeBuildsThem() throws Exception {
        assertThat(runDry("web", "apps/web")).isZero();
        assertThat(err.toString()).isEmpty();

        // Every object carries the owner labels apply-service writes ...
        List<String> withoutOwnerLabels = new ArrayList<>();
        for (Map<String, Object> o : objects()) {
            Map<String, Object> labels = Values.asMap(Values.get(o, "metadata", "labels"));
            assertThat(labels).containsEntry("kustomize.toolkit.fluxcd.io/name", "web")
                    .containsEntry("kustomize.toolkit.fluxcd.io/namespace", "flux-system");
            labels.remove("kustomize.toolkit.fluxcd.io/name");
            labels.remove("kustomize.toolkit.fluxcd.io/namespace");
            if (labels.isEmpty()) {
                Values.asMap(o.get("metadata")).remove("labels");
            }
            withoutOwnerLabels.add(YamlWriter.write(o));
        }
        // ... and the rest is what kubectl v1.35.2 builds from the kustomization Flux's generator makes (build/flux/equivalent)
        assertThat(String.join("---\n", withoutOwnerLabels)).isEqualTo(Files.readString(repo.resolve("expected-web.yaml")));
    }

    @Test
    void postBuildSubstitutionAndCommonMetadataRunAfterTheBuild() {
        assertThat(runDry("web-live", "apps/web", "-n", "apps")).isZero();

        Map<String, Object> deployment = find("Deployment");
        assertThat(Values.get(deployment, "metadata", "labels")).isEqualTo(Map.of("team", "shop",
                "kustomize.toolkit.fluxcd.io/name", "web-live", "kustomize.toolkit.fluxcd.io/namespace", "apps"));
        assertThat(Values.get(deployment, "metadata", "annotations")).isEqualTo(Map.of("owner", "shop-team"));
        assertThat(Values.get(deployment, "spec", "template", "metadata", "labels")).isEqualTo(Map.of("app", "web"));
        assertThat(out.toString()).contains("value: hello world in production");
    }

    @Test
    void aVariableWithoutValueFailsInStrictModeAndIsEmptyOtherwise() {
        assertThat(runDry("plain-vars", "apps/plain")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("BuildFailed").contains("'ConfigMap/plain'").contains("\"mode\"");

        assertThat(runDry("plain-vars", "apps/plain", "--strict-substitute", "false")).isZero();
        assertThat(Values.get(find("ConfigMap"), "data", "mode")).isNull();
    }

    @Test
    void dryRunSkipsSubstituteFromAndSoSubstitutesNothingWithoutOtherVariables() {
        assertThat(runDry("plain", "apps/plain")).isZero();
        assertThat(Values.get(find("ConfigMap"), "data", "mode")).isEqualTo("${mode}");
    }

    @Test
    void aKustomizationInTheClusterIsRenderedWithItsConfigMapsAndSecrets() {
        int exit = run("build", "ks", "web", "-n", "apps", "--path", repo.resolve("apps/web").toString(),
                "--kubeconfig", kubeconfig.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Values.get(find("Service"), "metadata", "name")).isEqualTo("web-live");
        assertThat(out.toString()).contains("value: hello alice in staging");
    }

    @Test
    void aKustomizationMissingFromTheClusterIsAClearError() {
        int exit = run("build", "ks", "nope", "--path", repo.resolve("apps/web").toString(), "--kubeconfig", kubeconfig.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("There is no Kustomization flux-system/nope in the cluster at").contains("--kustomization-file");
    }

    @Test
    void aKustomizationMissingFromTheFileNamesWhatTheFileHas() {
        assertThat(runDry("nope", "apps/web")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no Kustomization flux-system/nope in")
                .contains("flux-system/web, apps/web-live, plain, plain-vars");
    }

    @Test
    void dryRunNeedsAKustomizationFile() {
        int exit = run("build", "kustomization", "web", "--path", repo.resolve("apps/web").toString(), "--dry-run");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--dry-run needs --kustomization-file");
    }

    @Test
    void aPathThatIsNoFolderIsAClearError() {
        assertThat(runDry("web", "apps/web/deploy.yaml")).isEqualTo(1);
        assertThat(err.toString()).contains("is not a folder");
    }

    @Test
    void aFolderWithoutKustomizationIsBuiltFromItsManifests() {
        assertThat(runDry("plain", "apps/plain")).isZero();
        assertThat(objects()).hasSize(1);
        assertThat(Values.get(find("ConfigMap"), "metadata", "name")).isEqualTo("plain");
    }
}
