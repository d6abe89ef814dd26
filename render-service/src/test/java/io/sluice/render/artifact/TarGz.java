package io.sluice.render.artifact;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds tar.gz archives in memory for tests, including the hostile entries a safe unpacker must refuse. */
final class TarGz {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    TarGz() {
        try {
            tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes));
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TarGz file(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);   // preserveAbsolutePath: keep hostile names as given
        e.setSize(data.length);
        try {
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    TarGz dir(String name) {
        return entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true));
    }

    TarGz symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        e.setLinkName(target);
        return entry(e);
    }

    TarGz hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
        e.setLinkName(target);
        return entry(e);
    }

    private TarGz entry(TarArchiveEntry e) {
        try {
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    byte[] bytes() {
        try {
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
