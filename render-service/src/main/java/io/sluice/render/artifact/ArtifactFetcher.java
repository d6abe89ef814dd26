package io.sluice.render.artifact;

import io.sluice.api.events.Digest;
import io.sluice.render.build.RenderException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads a source artifact (HTTP GET), checks its digest before trusting a byte of it, and unpacks it into a
 * fresh temporary directory. Every failure is an {@code ArtifactFailed} {@link RenderException}: HTTP errors,
 * a download above the size limit, a digest mismatch, an unsafe archive.
 */
public final class ArtifactFetcher {

    private final HttpClient http;
    private final ArtifactLimits limits;
    private final TarGzUnpacker unpacker;

    public ArtifactFetcher(ArtifactLimits limits) {
        this(HttpClient.newBuilder().connectTimeout(limits.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build(), limits);
    }

    public ArtifactFetcher(HttpClient http, ArtifactLimits limits) {
        this.http = http;
        this.limits = limits;
        this.unpacker = new TarGzUnpacker(limits);
    }

    /**
     * Downloads, verifies and unpacks.
     *
     * @param what names the artifact in error messages, e.g. "artifact of GitRepository flux-system/app at main@sha1:…"
     */
    public UnpackedArtifact fetch(URI url, Digest digest, String what) {
        byte[] bytes = download(url, digest, what);
        Path dir;
        try {
            dir = Files.createTempDirectory("sluice-artifact-");
        } catch (IOException e) {
            throw RenderException.artifact("cannot create a temporary directory for the " + what + ": " + e.getMessage(), e);
        }
        try {
            unpacker.unpack(bytes, dir, what);
            return new UnpackedArtifact(dir);
        } catch (RuntimeException e) {
            UnpackedArtifact.deleteTree(dir);
            throw e;
        }
    }

    /** Downloads the bytes and checks them against {@code digest}. */
    public byte[] download(URI url, Digest digest, String what) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(limits.timeout()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw RenderException.artifact("failed to download " + what + " from " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RenderException.artifact("download of " + what + " from " + url + " was interrupted", e);
        }
        byte[] bytes;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw RenderException.artifact("failed to download " + what + " from " + url + ": HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (the source may have garbage-collected it; it is fetched again on the next artifact)" : ""));
            }
            bytes = readBounded(body, url, what);
        } catch (IOException e) {
            throw RenderException.artifact("failed to read " + what + " from " + url + ": " + e, e);
        }
        if (!digest.matches(bytes)) {
            throw RenderException.artifact("failed to verify " + what + " from " + url + ": computed digest "
                    + computed(digest.algorithm(), bytes) + " does not match expected " + digest
                    + " (the artifact changed or was corrupted in transit; it is fetched again on the next ArtifactReady)");
        }
        return bytes;
    }

    private static String computed(String algorithm, byte[] bytes) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm.toUpperCase(java.util.Locale.ROOT).replace("SHA", "SHA-"));
            return algorithm + ":" + java.util.HexFormat.of().formatHex(md.digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
    }

    private byte[] readBounded(InputStream in, URI url, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limits.maxDownloadBytes()) {
                throw RenderException.artifact(what + " at " + url + " is larger than " + limits.maxDownloadBytes()
                        + " bytes; refusing to download it");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
