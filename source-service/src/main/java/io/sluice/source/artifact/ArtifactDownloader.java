package io.sluice.source.artifact;

import io.sluice.api.events.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads an artifact by URL and checks it against its digest before anyone uses it: what a consumer of
 * {@code ArtifactReady} (render-service, image-watcher, another GitRepository's {@code spec.include}) must do.
 * The bytes go to a file; on a digest mismatch or an HTTP error the file is deleted and an
 * {@link IOException} says what was expected and what came.
 */
public final class ArtifactDownloader {

    private final HttpClient http;
    private final Duration timeout;

    public ArtifactDownloader(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    /** Downloads {@code url} to {@code target} (replaced) and returns it once its digest equals {@code expected}. */
    public Path download(URI url, Digest expected, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the artifact " + url, e);
        }
        MessageDigest md = messageDigest(expected.algorithm());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(body.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8).trim();
                throw new IOException("downloading the artifact " + url + " answered HTTP " + response.statusCode()
                        + (text.isEmpty() ? "" : ": " + text));
            }
            try (InputStream in = new DigestInputStream(body, md); OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        Digest actual = new Digest(expected.algorithm(), HexFormat.of().formatHex(md.digest()));
        if (!actual.equals(expected)) {
            Files.deleteIfExists(target);
            throw new IOException("the artifact downloaded from " + url + " has digest " + actual + " but " + expected
                    + " was announced; it was discarded (a newer artifact may have replaced it: wait for the next ArtifactReady)");
        }
        return target;
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
    }
}
