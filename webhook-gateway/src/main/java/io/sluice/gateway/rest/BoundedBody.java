package io.sluice.gateway.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, refusing it as soon as it passes the limit: at most {@code limit + 1} bytes are ever held,
 * whatever the sender streams, and a {@code Content-Length} above the limit is refused before reading at all.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @param contentLength the declared length, or -1 when unknown (chunked)
     * @throws BodyTooLargeException when the body is longer than {@code limit}
     */
    public static byte[] read(InputStream in, long contentLength, int limit) throws IOException, BodyTooLargeException {
        if (contentLength > limit) {
            throw new BodyTooLargeException(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1L - total))) > 0) {
            total += read;
            if (total > limit) {
                throw new BodyTooLargeException(limit);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
