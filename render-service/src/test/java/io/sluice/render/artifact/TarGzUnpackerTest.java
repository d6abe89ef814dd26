package io.sluice.render.artifact;

import io.sluice.render.build.RenderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TarGzUnpackerTest {

    private final TarGzUnpacker unpacker = new TarGzUnpacker(ArtifactLimits.DEFAULT);

    private void assertRefused(byte[] tgz, Path dir, String message) {
        Path target = dir.resolve("root");
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> unpacker.unpack(tgz, target, "artifact X"))
                .isInstanceOfSatisfying(RenderException.class, e -> assertThat(e.conditionReason()).isEqualTo("ArtifactFailed"))
                .hasMessageContaining(message);
        // nothing was written outside the target
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("root");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void dot_dot_entry_is_refused(@TempDir Path dir) {
        assertRefused(new TarGz().file("ok.yaml", "a").file("../evil.yaml", "x").bytes(), dir, "entry '../evil.yaml' climbs out");
        assertRefused(new TarGz().file("deploy/../../evil.yaml", "x").bytes(), dir, "climbs out of the artifact");
    }

    @Test
    void absolute_entry_is_refused(@TempDir Path dir) {
        assertRefused(new TarGz().file("/tmp/evil.yaml", "x").bytes(), dir, "has an absolute path");
    }

    @Test
    void symlinks_and_hard_links_are_refused(@TempDir Path dir) {
        assertRefused(new TarGz().symlink("escape", "/etc").file("escape/passwd", "x").bytes(), dir,
                "entry 'escape' is a symbolic link to '/etc'");
        assertRefused(new TarGz().file("a.yaml", "x").symlink("b.yaml", "a.yaml").bytes(), dir, "is a symbolic link");
        assertRefused(new TarGz().hardlink("h", "/etc/passwd").bytes(), dir, "is a hard link");
    }

    @Test
    void oversized_content_is_refused(@TempDir Path dir) throws IOException {
        TarGzUnpacker small = new TarGzUnpacker(new ArtifactLimits(1 << 20, 100, 100, Duration.ofSeconds(1)));
        Path target = Files.createDirectories(dir.resolve("root"));

        assertThatThrownBy(() -> small.unpack(new TarGz().file("big.yaml", "x".repeat(101)).bytes(), target, "artifact X"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("unpacks to more than 100 bytes (at entry 'big.yaml')");
    }

    @Test
    void too_many_entries_are_refused(@TempDir Path dir) throws IOException {
        TarGzUnpacker small = new TarGzUnpacker(new ArtifactLimits(1 << 20, 1 << 20, 2, Duration.ofSeconds(1)));
        Path target = Files.createDirectories(dir.resolve("root"));

        assertThatThrownBy(() -> small.unpack(new TarGz().file("a", "").file("b", "").file("c", "").bytes(), target, "artifact X"))
                .hasMessageContaining("more than 2 entries");
    }

    @Test
    void nested_files_and_long_names_unpack(@TempDir Path dir) throws IOException {
        String longName = "deep/" + "d".repeat(120) + "/app.yaml";
        unpacker.unpack(new TarGz().file(longName, "kind: X\n").file("./top.yaml", "t").bytes(), dir, "artifact X");

        assertThat(Files.readString(dir.resolve(longName))).isEqualTo("kind: X\n");
        assertThat(Files.readString(dir.resolve("top.yaml"))).isEqualTo("t");
    }
}
