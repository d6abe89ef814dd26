package io.sluice.source.helm;

import io.sluice.registry.PemTrust;
import io.sluice.registry.RegistryException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * Downloads from a Helm chart repository over HTTP(S) with the JDK's client, as Helm's HTTP getter does:
 * {@code GET <url>/index.yaml} with Basic auth from {@code spec.secretRef}, trusting {@code ca.crt} of
 * {@code spec.certSecretRef} when given, within {@code spec.timeout}, at most a size limit (Flux's
 * {@code --helm-index-max-size}, 50 MiB). The body is streamed to a file while its sha256 is computed, so an index of
 * tens of MB never sits in memory. Redirects are followed, except from HTTPS to HTTP. Thread-safe.
 */
public final class ChartRepositoryClient {

    /** Flux's default --helm-index-max-size. */
    public static final long MAX_INDEX_SIZE = HelmYaml.MAX_DOCUMENT;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What a download gave.
     *
     * @param digest {@code sha256:<hex>} of the bytes received
     * @param size   their length
     */
    public record Download(String digest, long size) {
    }

    private final HttpClient jvmTrust = builder().build();
    private final Map<String, HttpClient> byCa = new ConcurrentHashMap<>();

    /** Downloads {@code <url>/index.yaml} to {@code target} (replaced; deleted when the download fails). */
    public Download downloadIndex(ChartRepositoryAccess access, Path target) throws RepositoryFetchException {
        URI uri;
        try {
            uri = URI.create(access.indexUrl());
        } catch (IllegalArgumentException e) {
            throw new RepositoryFetchException("invalid Helm repository URL '" + access.url() + "': " + e.getMessage(), e);
        }
        return download(access, uri, true, target, MAX_INDEX_SIZE);
    }

    /**
     * Downloads {@code uri} to {@code target}; the credentials go along only when {@code withCredentials}.
     *
     * @param maxSize a larger body is refused and its partial file deleted
     */
    public Download download(ChartRepositoryAccess access, URI uri, boolean withCredentials, Path target, long maxSize) throws RepositoryFetchException {
        String where = uri.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(access.timeout());
        if (withCredentials) {
            access.credentials().ifPresent(c -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        }
        HttpResponse<InputStream> response;
        try {
            response = client(access).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw transport(e, where, access);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryFetchException("fetching " + where + " was interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                body.transferTo(OutputStream.nullOutputStream());
                throw status(response.statusCode(), where, access, withCredentials);
            }
            return copy(body, target, maxSize, where);
        } catch (IOException e) {
            deleteQuietly(target);
            throw transport(e, where, access);
        }
    }

    private static Download copy(InputStream body, Path target, long maxSize, String where) throws IOException, RepositoryFetchException {
        MessageDigest sha256 = sha256();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxSize) {
                    out.close();
                    deleteQuietly(target);
                    throw new RepositoryFetchException("failed to fetch " + where + " : it exceeds the maximum size of " + maxSize + " bytes");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new Download("sha256:" + HexFormat.of().formatHex(sha256.digest()), total);
    }

    private HttpClient client(ChartRepositoryAccess access) throws RepositoryFetchException {
        if (access.caPem() == null) {
            return jvmTrust;
        }
        HttpClient client = byCa.get(access.caPem());
        if (client == null) {
            try {
                client = builder().sslContext(PemTrust.trusting(access.caPem())).build();
            } catch (RegistryException e) {
                throw new RepositoryFetchException(e.getMessage(), e);
            }
            byCa.put(access.caPem(), client);
        }
        return client;
    }

    /** Helm's getter says {@code failed to fetch <url> : <status>}; Sluice adds what to check. */
    private static RepositoryFetchException status(int code, String where, ChartRepositoryAccess access, boolean withCredentials) {
        String text = "failed to fetch " + where + " : " + code + " " + reasonPhrase(code);
        String hint = switch (code) {
            case 401, 403 -> access.credentials().isPresent() && withCredentials
                    ? "; check the username and password in the Secret of spec.secretRef"
                    : "; the repository wants credentials: set spec.secretRef to a Secret with 'username' and 'password'";
            case 404 -> where.endsWith("/index.yaml") ? "; check spec.url (it must be the folder that holds index.yaml)"
                    : "; the repository's index lists a package it does not serve";
            default -> "";
        };
        return new RepositoryFetchException(text + hint);
    }

    private static String reasonPhrase(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    private static RepositoryFetchException transport(IOException error, String where, ChartRepositoryAccess access) {
        if (error instanceof HttpConnectTimeoutException) {
            return new RepositoryFetchException("failed to fetch " + where + " : the connection timed out; check spec.url and that the repository is reachable from here", error);
        }
        if (error instanceof HttpTimeoutException) {
            return new RepositoryFetchException("failed to fetch " + where + " : no answer within " + human(access.timeout())
                    + "; check that the repository answers, or raise spec.timeout", error);
        }
        if (has(error, UnknownHostException.class)) {
            return new RepositoryFetchException("failed to fetch " + where + " : host '" + URI.create(where).getHost()
                    + "' does not resolve; check spec.url (and that this cluster's DNS knows the host)", error);
        }
        if (has(error, ConnectException.class)) {
            return new RepositoryFetchException("failed to fetch " + where + " : nothing accepts connections there; check spec.url and that the repository is up", error);
        }
        if (has(error, SSLException.class)) {
            return new RepositoryFetchException("failed to fetch " + where + " : TLS failed (" + rootMessage(error)
                    + "); if the repository's certificate is signed by a private CA, set spec.certSecretRef to a Secret with that CA in 'ca.crt'", error);
        }
        return new RepositoryFetchException("failed to fetch " + where + " : " + rootMessage(error), error);
    }

    private static String human(Duration d) {
        return d.toMillisPart() == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file the caller deletes anyway
        }
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL);
    }
}
