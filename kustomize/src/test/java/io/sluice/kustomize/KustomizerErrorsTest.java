package io.sluice.kustomize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unsupported or invalid input fails with a message naming the field and the file. */
class KustomizerErrorsTest {
    @TempDir
    Path dir;

    private Path kustomization(String text) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), text);
        return dir.resolve("kustomization.yaml");
    }

    @Test
    void unsupportedFieldsNameFieldAndFile() throws IOException {
        for (String field : new String[] {"helmCharts", "helmGlobals", "helmChartInflationGenerator", "validators"}) {
            Path k = kustomization(field + ":\n- x\n");
            assertThatThrownBy(() -> new Kustomizer().build(dir))
                    .isInstanceOf(KustomizeException.class)
                    .hasMessageContaining(field)
                    .hasMessageContaining(k.toRealPath().toString());
        }
    }

    @Test
    void externalTransformerPluginsAreRejectedNotIgnored() throws IOException {
        Files.writeString(dir.resolve("plugin.yaml"), "apiVersion: example.com/v1\nkind: MyPlugin\nmetadata:\n  name: p\n");
        kustomization("transformers:\n- plugin.yaml\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir))
                .hasMessageContaining("transformers")
                .hasMessageContaining("example.com/v1/MyPlugin");
        Files.writeString(dir.resolve("crd.yaml"), "- not a map\n");
        kustomization("crds:\n- crd.yaml\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir)).hasMessageContaining("crd.yaml");
    }

    @Test
    void kustomizationFieldTypesAreCheckedLikeKustomizesGoStructs() throws IOException {
        Path k = kustomization("images:\n- name: nginx\n  newTag: 1.10\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir))
                .hasMessageContaining(k.toRealPath().toString())
                .hasMessageContaining("images[0].newTag")
                .hasMessageContaining("must be a string");
        kustomization("namespace: no\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir)).hasMessageContaining("'namespace' must be a string, got bool");
        kustomization("replicas:\n- name: x\n  count: \"3\"\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir)).hasMessageContaining("replicas[0].count");
    }

    @Test
    void generatorBehaviorMergeNeedsAnExistingObject() throws IOException {
        kustomization("configMapGenerator:\n- name: cm\n  behavior: merge\n  literals: [a=b]\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir)).hasMessageContaining("does not exist; cannot merge or replace");
    }

    @Test
    void patchWithoutTargetObjectFails() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n");
        kustomization("patches:\n- path: p.yaml\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir))
                .hasMessageContaining("p.yaml")
                .hasMessageContaining("failed to find unique target for patch");
    }

    @Test
    void duplicateIdsAreRejected() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        kustomization("resources:\n- a.yaml\n");
        assertThatThrownBy(() -> new Kustomizer().build(dir)).hasMessageContaining("already registered id");
    }

    @Test
    void mainPrintsYamlAndExitsZero() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n");
        kustomization("resources:\n- a.yaml\nnamePrefix: p-\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KustomizeBuildMain.run(new String[] {"build", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: p-a\n");
    }

    @Test
    void mainExitsOneWithTheMessageOnError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KustomizeBuildMain.run(new String[] {"build", dir.resolve("missing").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: ").contains("missing");
        assertThat(KustomizeBuildMain.run(new String[] {"nope"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }
}
