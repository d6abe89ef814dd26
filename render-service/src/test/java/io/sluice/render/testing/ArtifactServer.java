package io.sluice.render.testing;

import com.sun.net.httpserver.HttpServer;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.meta.ObjectKey;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Serves tar.gz artifacts over HTTP on loopback (the JDK's HttpServer), as source-service does: each
 * {@link #artifact} call packs files, serves them at their own path and returns the matching {@code ArtifactReady}
 * (URL, sha256 digest, size). Unknown paths answer 404.
 */
public final class ArtifactServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    public ArtifactServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Packs {@code files} (path → content), serves the archive and describes it, with no push behind it. */
    public ArtifactReady artifact(ObjectKey source, String revision, Map<String, String> files) {
        return artifact(source, revision, files, null);
    }

    /** Packs {@code files} (path → content), serves the archive and describes it. */
    public ArtifactReady artifact(ObjectKey source, String revision, Map<String, String> files, Instant pushReceivedAt) {
        byte[] archive = tarGz(files);
        Digest digest = Digest.sha256(archive);
        String path = "/" + source.namespace() + "/" + source.name() + "/" + digest.hex() + ".tar.gz";
        served.put(path, archive);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new ArtifactReady(source, revision, url, digest, archive.length, pushReceivedAt);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A gzip-compressed tar of the files, in name order. */
    public static byte[] tarGz(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(data.length);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
