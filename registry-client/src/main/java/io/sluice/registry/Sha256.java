package io.sluice.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests the way the distribution API writes them: {@code sha256:<hex>}. */
final class Sha256 {

    /** More bytes came than the caller allows; the partial file is deleted. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("too large");
        }
    }

    private Sha256() {
    }

    static String of(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Copies {@code in} (closed afterwards) to {@code target} and returns its digest; at most {@code maxSize} bytes. */
    static String copy(InputStream in, Path target, long maxSize) throws IOException {
        MessageDigest sha256 = digest();
        long total = 0;
        try (InputStream body = in; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxSize) {
                    throw new TooLargeException();
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }
}
