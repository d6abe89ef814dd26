package io.sluice.source.artifact;

import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commit tree → artifact: content digest, ignore rules, includes. */
class ArtifactBuilderTest {

    @TempDir
    Path dir;

    private static final Map<String, String> FILES = Map.of(
            "kustomization.yaml", "resources: [deploy/app.yaml]\n",
            "deploy/app.yaml", "kind: ConfigMap\n",
            "logo.png", "not really a png",
            ".gitignore", "target/\n");

    @Test
    void theDigestDependsOnlyOnContent() throws IOException {
        BuiltArtifact first;
        BuiltArtifact second;
        try (InMemoryRepository a = TestCommits.newRepository(); InMemoryRepository b = TestCommits.newRepository()) {
            String commitA = TestCommits.commit(a, FILES, "alice", Instant.parse("2024-01-01T00:00:00Z"));
            String commitB = TestCommits.commit(b, FILES, "bob", Instant.parse("2026-11-27T12:00:00Z"));
            assertThat(commitA).isNotEqualTo(commitB);
            first = build(a, commitA, List.of(), null, "a.tar.gz");
            second = build(b, commitB, List.of(), null, "b.tar.gz");
            BuiltArtifact again = build(a, commitA, List.of(), null, "a2.tar.gz");
            assertThat(again.digest()).isEqualTo(first.digest());
        }
        assertThat(second.digest()).as("different clones and commits, same tree").isEqualTo(first.digest());
        assertThat(Files.readAllBytes(first.file())).isEqualTo(Files.readAllBytes(second.file()));
        assertThat(first.size()).isEqualTo(Files.size(first.file()));
        assertThat(first.digest().matches(Files.readAllBytes(first.file()))).isTrue();
        assertThat(paths(first)).containsExactly("deploy/app.yaml", "kustomization.yaml");

        try (InMemoryRepository c = TestCommits.newRepository()) {
            Map<String, String> changed = new LinkedHashMap<>(FILES);
            changed.put("deploy/app.yaml", "kind: Secret\n");
            BuiltArtifact other = build(c, TestCommits.commit(c, changed, "alice", Instant.EPOCH), List.of(), null, "c.tar.gz");
            assertThat(other.digest()).isNotEqualTo(first.digest());
        }
    }

    @Test
    void keepsExecutableBitsAndLeavesOutSymlinksAndSubmodules() throws IOException {
        try (InMemoryRepository repo = TestCommits.newRepository()) {
            Map<String, Object[]> files = new LinkedHashMap<>();
            files.put("run.sh", new Object[]{FileMode.EXECUTABLE_FILE, "#!/bin/sh\n"});
            files.put("link.yaml", new Object[]{FileMode.SYMLINK, "/etc/passwd"});
            files.put("vendor/lib", new Object[]{FileMode.GITLINK, null});
            files.put("app.yaml", new Object[]{FileMode.REGULAR_FILE, "a: 1\n"});
            String commit = TestCommits.commitModes(repo, files, "alice", Instant.EPOCH);
            BuiltArtifact built = build(repo, commit, List.of(), null, "x.tar.gz");
            List<SourceFile> read = ArtifactReader.read(built.file());
            assertThat(read).extracting(SourceFile::path).containsExactly("app.yaml", "run.sh");
            assertThat(read.get(1).executable()).isTrue();
            assertThat(read.get(0).executable()).isFalse();
        }
    }

    @Test
    void appliesSourceIgnoreFilesAndSpecIgnore() throws IOException {
        try (InMemoryRepository repo = TestCommits.newRepository()) {
            Map<String, String> files = new LinkedHashMap<>(FILES);
            files.put(".sourceignore", "*.md\n");
            files.put("README.md", "hello\n");
            files.put("apps/.sourceignore", "local/\n");
            files.put("apps/local/dev.yaml", "dev\n");
            files.put("apps/prod.yaml", "prod\n");
            files.put("notes.txt", "n\n");
            String commit = TestCommits.commit(repo, files, "alice", Instant.EPOCH);

            BuiltArtifact withoutSpec = build(repo, commit, List.of(), null, "1.tar.gz");
            assertThat(paths(withoutSpec)).containsExactly(".sourceignore", "apps/.sourceignore", "apps/prod.yaml",
                    "deploy/app.yaml", "kustomization.yaml", "logo.png", "notes.txt");

            BuiltArtifact withSpec = build(repo, commit, List.of(), "*.txt\n!README.md\n", "2.tar.gz");
            assertThat(paths(withSpec)).containsExactly(".sourceignore", "README.md", "apps/.sourceignore", "apps/prod.yaml",
                    "deploy/app.yaml", "kustomization.yaml", "logo.png");
        }
    }

    @Test
    void includeCopiesAnotherArtifactIntoASubFolder() throws IOException {
        Path included;
        try (InMemoryRepository lib = TestCommits.newRepository()) {
            String commit = TestCommits.commit(lib, Map.of("deploy/kubernetes/svc.yaml", "kind: Service\n",
                    "deploy/kubernetes/base/cm.yaml", "kind: ConfigMap\n", "src/main.go", "package main\n"), "lib", Instant.EPOCH);
            included = build(lib, commit, List.of(), null, "lib.tar.gz").file();
        }
        try (InMemoryRepository app = TestCommits.newRepository()) {
            String commit = TestCommits.commit(app, Map.of("kustomization.yaml", "k\n", "base/app/svc.yaml", "replaced\n"), "app", Instant.EPOCH);
            BuiltArtifact built = build(app, commit,
                    List.of(new IncludedArtifact("lib", included, "deploy/kubernetes", "./base/app/")), null, "app.tar.gz");
            assertThat(paths(built)).containsExactly("base/app/base/cm.yaml", "base/app/svc.yaml", "kustomization.yaml");
            assertThat(content(built, "base/app/svc.yaml")).as("the included file replaces the repository's").isEqualTo("kind: Service\n");

            BuiltArtifact whole = build(app, commit, List.of(new IncludedArtifact("lib", included, null, null)), null, "whole.tar.gz");
            assertThat(paths(whole)).contains("lib/src/main.go", "lib/deploy/kubernetes/svc.yaml");

            assertThatThrownBy(() -> build(app, commit, List.of(new IncludedArtifact("lib", included, "nope", "x")), null, "bad.tar.gz"))
                    .hasMessageContaining("included GitRepository 'lib' has no files under fromPath 'nope'");
        }
        assertThatThrownBy(() -> new IncludedArtifact("lib", included, null, "../outside"))
                .hasMessageContaining("spec.include toPath of 'lib'").hasMessageContaining("'..'");
    }

    private BuiltArtifact build(InMemoryRepository repo, String commit, List<IncludedArtifact> includes, String ignore, String name) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            return ArtifactBuilder.build(GitTreeFiles.read(reader, commit), includes, ignore, dir.resolve(name));
        }
    }

    private static List<String> paths(BuiltArtifact built) throws IOException {
        return ArtifactReader.read(built.file()).stream().map(SourceFile::path).toList();
    }

    private static String content(BuiltArtifact built, String path) throws IOException {
        for (SourceFile file : ArtifactReader.read(built.file())) {
            if (file.path().equals(path)) {
                return new String(file.content().open().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(path + " is not in the artifact");
    }
}
