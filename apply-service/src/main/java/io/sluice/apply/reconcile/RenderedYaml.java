package io.sluice.apply.reconcile;

import io.sluice.api.events.RenderedManifests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * The YAML stream of a {@link RenderedManifests}: inline bytes are gunzipped; a claim check is downloaded with
 * the JDK HTTP client and its bytes checked against the claim's digest before they are trusted.
 */
public final class RenderedYaml {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The YAML; throws {@link ManifestsUnavailableException} when a claim check cannot be fetched or does not match. */
    public String yaml(RenderedManifests manifests) {
        // Java 17: no pattern switch; the interface is sealed, so these two are all the cases
        if (manifests instanceof RenderedManifests.Inline inline) {
            return inline.yaml();
        }
        RenderedManifests.ClaimCheck claim = (RenderedManifests.ClaimCheck) manifests;
        byte[] gzip = download(claim.url());
        if (!claim.digest().matches(gzip)) {
            throw new ManifestsUnavailableException("manifests at " + claim.url() + " do not match digest " + claim.digest()
                    + " (" + gzip.length + " bytes received); the claim-check store changed or the download was corrupted");
        }
        return gunzip(gzip, claim.url());
    }

    private byte[] download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ManifestsUnavailableException("could not download manifests from " + url + ": " + e.getMessage()
                    + "; check that render-service's claim-check store is reachable from apply-service");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManifestsUnavailableException("interrupted while downloading manifests from " + url);
        }
        if (response.statusCode() != 200) {
            throw new ManifestsUnavailableException("could not download manifests from " + url + ": HTTP "
                    + response.statusCode() + "; the claim-check store no longer has them, render again");
        }
        return response.body();
    }

    private static String gunzip(byte[] gzip, URI from) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestsUnavailableException("manifests from " + from + " are not valid gzip: " + e.getMessage());
        }
    }

    /** The rendered manifests could not be obtained; nothing was applied. */
    public static final class ManifestsUnavailableException extends RuntimeException {
        public ManifestsUnavailableException(String message) {
            super(message);
        }
    }
}
