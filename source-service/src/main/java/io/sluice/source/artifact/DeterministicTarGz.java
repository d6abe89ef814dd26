package io.sluice.source.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Writes files as a gzip-compressed POSIX tar whose bytes depend only on the files' paths, contents and
 * executable bits, so the artifact's sha256 is a content digest: the same tree gives the same digest in any
 * clone, on any machine, at any time.
 *
 * <ul>
 *   <li>entries in byte order of their paths, each folder entry ({@code deploy/}) right before its contents;</li>
 *   <li>mtime 0, uid/gid 0, empty user and group names, no device numbers;</li>
 *   <li>mode 0644 for files, 0755 for executable files and folders;</li>
 *   <li>ustar headers; a path too long for ustar's name and prefix fields gets a PAX {@code path} record
 *       whose header is written with the same fixed fields;</li>
 *   <li>gzip through {@link GZIPOutputStream}, whose header carries no file name and no time. The deflate
 *       stream is that of the Java runtime's zlib: the same on every run of a given runtime.</li>
 * </ul>
 * Sluice writes tar itself because general-purpose writers stamp environment data into some headers (the
 * current user's name into PAX headers, the current time into long-name headers), which would make the digest
 * depend on where and when the artifact was built.
 */
public final class DeterministicTarGz {

    private static final int BLOCK = 512;
    private static final int FILE_MODE = 0644;
    private static final int EXECUTABLE_MODE = 0755;
    private static final int FOLDER_MODE = 0755;
    /** Largest size the 11 octal digits of a ustar size field hold (8 GiB - 1). */
    private static final long MAX_SIZE = 077777777777L;

    private DeterministicTarGz() {
    }

    /**
     * Writes {@code files} (in any order; paths must be unique) to {@code out} as tar.gz and finishes the gzip
     * stream. {@code out} is not closed.
     *
     * @throws IllegalArgumentException when two files have the same path or a file is larger than 8 GiB
     * @throws IOException              when reading a file or writing {@code out} fails
     */
    public static void write(Collection<SourceFile> files, OutputStream out) throws IOException {
        List<SourceFile> sorted = files.stream().sorted((a, b) -> compareBytes(a.path(), b.path())).toList();
        GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out), 64 * 1024);
        TreeSet<String> foldersWritten = new TreeSet<>();
        String previous = null;
        for (SourceFile file : sorted) {
            if (file.path().equals(previous)) {
                throw new IllegalArgumentException("two files in the artifact have the path " + file.path());
            }
            previous = file.path();
            writeParentFolders(file.path(), foldersWritten, gzip);
            writeFile(file, gzip);
        }
        gzip.write(new byte[2 * BLOCK]); // end-of-archive marker: two zero blocks
        gzip.finish();
        gzip.flush();
    }

    private static void writeParentFolders(String path, TreeSet<String> written, OutputStream out) throws IOException {
        int slash = path.indexOf('/');
        while (slash >= 0) {
            String folder = path.substring(0, slash + 1);
            if (written.add(folder)) {
                writeHeader(folder, FOLDER_MODE, 0, (byte) '5', out);
            }
            slash = path.indexOf('/', slash + 1);
        }
    }

    private static void writeFile(SourceFile file, OutputStream out) throws IOException {
        if (file.size() > MAX_SIZE) {
            throw new IllegalArgumentException("file " + file.path() + " is " + file.size() + " bytes; artifacts hold files up to 8 GiB");
        }
        writeHeader(file.path(), file.executable() ? EXECUTABLE_MODE : FILE_MODE, file.size(), (byte) '0', out);
        long copied = 0;
        try (InputStream in = file.content().open()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                copied += n;
                if (copied > file.size()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (copied != file.size()) {
            throw new IOException("file " + file.path() + " should have " + file.size() + " bytes but gave " + copied
                    + (copied > file.size() ? " or more" : ""));
        }
        pad(file.size(), out);
    }

    private static void writeHeader(String path, int mode, long size, byte type, OutputStream out) throws IOException {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[BLOCK];
        if (name.length <= 100) {
            System.arraycopy(name, 0, header, 0, name.length);
        } else {
            int split = ustarSplit(name);
            if (split > 0) {
                System.arraycopy(name, split + 1, header, 0, name.length - split - 1);
                System.arraycopy(name, 0, header, 345, split);
            } else {
                writePaxPath(name, out);
                byte[] truncated = ("PaxPath/" + Integer.toHexString(path.hashCode())).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(truncated, 0, header, 0, truncated.length);
            }
        }
        writeFixedFields(header, mode, size, type);
        out.write(header);
    }

    /** A PAX extended header ('x') holding {@code path=<name>}, for names ustar cannot hold. */
    private static void writePaxPath(byte[] name, OutputStream out) throws IOException {
        byte[] record = paxRecord("path", name);
        byte[] header = new byte[BLOCK];
        byte[] paxName = "PaxHeader".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(paxName, 0, header, 0, paxName.length);
        writeFixedFields(header, FILE_MODE, record.length, (byte) 'x');
        out.write(header);
        out.write(record);
        pad(record.length, out);
    }

    /** "%d path=value\n" where %d counts the whole record, its own digits included. */
    private static byte[] paxRecord(String key, byte[] value) {
        int rest = 1 + key.length() + 1 + value.length + 1; // " key=value\n"
        int length = rest + String.valueOf(rest).length();
        if (String.valueOf(length).length() != String.valueOf(rest).length()) {
            length++;
        }
        byte[] prefix = (length + " " + key + "=").getBytes(StandardCharsets.US_ASCII);
        byte[] record = new byte[length];
        System.arraycopy(prefix, 0, record, 0, prefix.length);
        System.arraycopy(value, 0, record, prefix.length, value.length);
        record[length - 1] = '\n';
        return record;
    }

    /** mode, uid, gid, size, mtime, type, magic, version and checksum; names of user and group stay empty. */
    private static void writeFixedFields(byte[] header, int mode, long size, byte type) {
        put(header, 100, octal(mode, 8));
        put(header, 108, octal(0, 8));          // uid
        put(header, 116, octal(0, 8));          // gid
        put(header, 124, octal(size, 12));
        put(header, 136, octal(0, 12));         // mtime: 1970-01-01
        header[156] = type;
        put(header, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, "00".getBytes(StandardCharsets.US_ASCII));
        put(header, 329, octal(0, 8));          // devmajor
        put(header, 337, octal(0, 8));          // devminor
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        byte[] checksum = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        put(header, 148, checksum);
        header[154] = 0;
        header[155] = ' ';
    }

    /** The index of a '/' that splits the name into a prefix of at most 155 bytes and a name of at most 100; -1 if none. */
    private static int ustarSplit(byte[] name) {
        for (int i = Math.min(name.length - 2, 155); i > 0; i--) {
            if (name[i] == '/' && name.length - i - 1 <= 100) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] octal(long value, int width) {
        return (String.format("%0" + (width - 1) + "o", value) + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] header, int offset, byte[] value) {
        System.arraycopy(value, 0, header, offset, value.length);
    }

    private static void pad(long size, OutputStream out) throws IOException {
        int remainder = (int) (size % BLOCK);
        if (remainder != 0) {
            out.write(new byte[BLOCK - remainder]);
        }
    }

    /** Compares by UTF-8 bytes, so the order does not depend on Java's UTF-16 string order or any locale. */
    static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Lets the gzip stream finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
