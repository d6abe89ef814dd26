package io.sluice.source.artifact;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeterministicTarGzTest {

    @Test
    void sameFilesInAnyOrderGiveTheSameBytes() throws IOException {
        List<SourceFile> files = List.of(
                SourceFile.of("b.yaml", false, "b".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of("a/z.yaml", false, "z".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of("a/run.sh", true, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
        byte[] first = write(files);
        byte[] second = write(List.of(files.get(2), files.get(0), files.get(1)));
        assertThat(second).isEqualTo(first);
        assertThat(write(List.of(files.get(0), files.get(1), SourceFile.of("a/run.sh", false, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)))))
                .as("the executable bit is content").isNotEqualTo(first);
    }

    @Test
    void headersCarryNoEnvironmentData() throws IOException {
        byte[] tarGz = write(List.of(
                SourceFile.of("deploy/app.yaml", false, "kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of("deploy/run.sh", true, "echo\n".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of("README.md", false, new byte[0])));
        // gzip header: magic, deflate, no flags, MTIME 0
        assertThat(tarGz[0]).isEqualTo((byte) 0x1f);
        assertThat(tarGz[1]).isEqualTo((byte) 0x8b);
        assertThat(tarGz[3]).as("FLG: no file name, no comment").isEqualTo((byte) 0);
        assertThat(new byte[]{tarGz[4], tarGz[5], tarGz[6], tarGz[7]}).as("MTIME").containsOnly(0);

        List<TarArchiveEntry> entries = entries(tarGz);
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactly("README.md", "deploy/", "deploy/app.yaml", "deploy/run.sh");
        for (TarArchiveEntry entry : entries) {
            assertThat(entry.getModTime().getTime()).isZero();
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getLongGroupId()).isZero();
            assertThat(entry.getUserName()).isEmpty();
            assertThat(entry.getGroupName()).isEmpty();
        }
        assertThat(entries.get(0).getMode()).isEqualTo(0644);
        assertThat(entries.get(1).isDirectory()).isTrue();
        assertThat(entries.get(1).getMode()).isEqualTo(0755);
        assertThat(entries.get(2).getMode()).isEqualTo(0644);
        assertThat(entries.get(3).getMode()).isEqualTo(0755);
    }

    @Test
    void longPathsRoundTrip() throws IOException {
        String ustarSplit = "a".repeat(120) + "/" + "b".repeat(90) + ".yaml";       // fits prefix + name
        String pax = "c".repeat(300) + ".yaml";                                      // one segment: needs PAX
        String unicode = "dossier-é/ファイル.yaml";
        byte[] tarGz = write(List.of(
                SourceFile.of(ustarSplit, false, "1".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of(pax, false, "2".getBytes(StandardCharsets.UTF_8)),
                SourceFile.of(unicode, false, "3".getBytes(StandardCharsets.UTF_8))));
        List<SourceFile> read = ArtifactReader.read(new ByteArrayInputStream(tarGz));
        assertThat(read).extracting(SourceFile::path).containsExactlyInAnyOrder(ustarSplit, pax, unicode);
        assertThat(write(List.of(SourceFile.of(pax, false, "2".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(write(List.of(SourceFile.of(pax, false, "2".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void contentsRoundTrip() throws IOException {
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        byte[] tarGz = write(List.of(SourceFile.of("big.bin", false, big), SourceFile.of("x/empty", false, new byte[0])));
        List<SourceFile> read = ArtifactReader.read(new ByteArrayInputStream(tarGz));
        assertThat(read.get(0).content().open().readAllBytes()).isEqualTo(big);
        assertThat(read.get(1).size()).isZero();
    }

    @Test
    void refusesDuplicatePathsAndUnsafePaths() {
        assertThatThrownBy(() -> write(List.of(SourceFile.of("a", false, new byte[1]), SourceFile.of("a", false, new byte[2]))))
                .hasMessageContaining("two files in the artifact have the path a");
        assertThatThrownBy(() -> SourceFile.of("../etc/passwd", false, new byte[0])).hasMessageContaining("'..'");
        assertThatThrownBy(() -> SourceFile.of("/etc/passwd", false, new byte[0])).hasMessageContaining("must be relative");
        assertThatThrownBy(() -> SourceFile.of("a//b", false, new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void aContentShorterThanAnnouncedFails() {
        SourceFile lying = new SourceFile("short", false, 10, () -> new ByteArrayInputStream(new byte[3]));
        assertThatThrownBy(() -> write(List.of(lying))).isInstanceOf(IOException.class).hasMessageContaining("should have 10 bytes but gave 3");
    }

    static byte[] write(List<SourceFile> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicTarGz.write(files, out);
        return out.toByteArray();
    }

    private static List<TarArchiveEntry> entries(byte[] tarGz) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
