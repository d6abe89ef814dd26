package io.sluice.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads tags (and manifest digests) from a registry over the OCI distribution API, with the JDK's HTTP client:
 * <ol>
 *   <li>{@code GET /v2/}: 200 means no login; 401 names the way in ({@code WWW-Authenticate});</li>
 *   <li>Bearer: a token from the challenge's realm for {@code repository:<name>:pull}, anonymously or with the
 *       dockerconfigjson credentials as Basic auth; Basic: the credentials on every request;</li>
 *   <li>{@code GET /v2/<name>/tags/list?n=<page size>}, then the {@code Link: <…>; rel="next"} URL of each page until
 *       there is none (registries cap pages: Quay at 100, whatever {@code n} asks).</li>
 * </ol>
 * Each page is read as it streams in and only its tags are kept (see {@link TagPageReader}). The whole scan must
 * finish within {@link RegistryAccess#timeout()}. Thread-safe.
 */
public final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Safety net against a registry whose Link headers go round in circles. */
    private static final int MAX_PAGES = 100_000;
    /** A token answer is a few KB (a JWT with its certificate chain); anything past this is not one. */
    private static final int MAX_TOKEN_ANSWER = 1 << 20;
    private static final String MANIFEST_TYPES = String.join(",",
            "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json");

    private final HttpClients clients = new HttpClients();
    private final int pageSize;

    /** @param pageSize the {@code n} asked for per page (registries may send fewer) */
    public RegistryClient(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * Lists every tag of {@code image}, handing each to {@code tags} in the registry's order.
     *
     * @return how many pages the registry sent
     */
    public int listTags(ImageName image, RegistryAccess access, Consumer<String> tags) throws RegistryException {
        Session session = open(image, access);
        URI next = session.base.resolve("/v2/" + image.repository() + "/tags/list?n=" + pageSize);
        Set<URI> seen = new HashSet<>();
        int pages = 0;
        while (next != null) {
            if (!seen.add(next) || ++pages > MAX_PAGES) {
                throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE, "the registry's Link headers for the tags of "
                        + image + " go round in circles (page " + next + " again)");
            }
            HttpResponse<InputStream> page = session.send(get(next, session), "the tags of " + image);
            if (page.statusCode() != 200) {
                throw RegistryErrors.status(page, image, "the tags of " + image, drain(page.body()));
            }
            String link = page.headers().firstValue("Link").orElse(null);
            try (InputStream body = page.body()) {
                TagPageReader.read(body, image.canonical(), tags);
            } catch (IOException e) {
                throw RegistryErrors.transport(e, image, "the tags of " + image, access);
            }
            next = LinkHeader.next(link, page.uri());
        }
        return pages;
    }

    /** The digest of the manifest {@code image:tag} points at ({@code Docker-Content-Digest}), for digest reflection. */
    public Optional<String> manifestDigest(ImageName image, String tag, RegistryAccess access) throws RegistryException {
        Session session = open(image, access);
        URI uri = session.base.resolve("/v2/" + image.repository() + "/manifests/" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        HttpRequest request = session.authorize(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", MANIFEST_TYPES)).timeout(session.remaining()).build();
        HttpResponse<InputStream> response = session.send(request, "the manifest of " + image.withTag(tag));
        drain(response.body());
        if (response.statusCode() != 200) {
            throw RegistryErrors.status(response, image, "the manifest of " + image.withTag(tag), null);
        }
        return response.headers().firstValue("Docker-Content-Digest");
    }

    private HttpRequest get(URI uri, Session session) throws RegistryException {
        return session.authorize(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json")).timeout(session.remaining()).build();
    }

    /** Pings {@code /v2/} and logs in as its challenge asks. */
    private Session open(ImageName image, RegistryAccess access) throws RegistryException {
        Session session = new Session(image, access, clients.forAccess(access), Instant.now().plus(access.timeout()));
        HttpResponse<InputStream> ping = session.send(HttpRequest.newBuilder(session.base.resolve("/v2/")).GET()
                .timeout(session.remaining()).build(), "/v2/");
        String body = drain(ping.body());
        if (ping.statusCode() == 200) {
            return session;
        }
        if (ping.statusCode() != 401) {
            throw RegistryErrors.status(ping, image, image.apiHost() + "/v2/", body);
        }
        AuthChallenge challenge;
        try {
            challenge = AuthChallenge.parse(ping.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (RegistryException e) {
            throw new RegistryException(e.failure(), "the registry at " + image.apiHost() + " " + e.getMessage());
        }
        if (!challenge.isBearer()) {
            RegistryCredentials credentials = access.credentials().orElseThrow(() -> new RegistryException(RegistryException.Failure.UNAUTHORIZED,
                    "the registry at " + image.apiHost() + " wants a user name and password (HTTP 401, Basic) to list the tags of " + image
                            + "; set spec.secretRef to a kubernetes.io/dockerconfigjson Secret with credentials for " + image.registry()));
            session.authorization = credentials.basicAuthorization();
            return session;
        }
        session.authorization = "Bearer " + token(session, challenge);
        return session;
    }

    private String token(Session session, AuthChallenge challenge) throws RegistryException {
        ImageName image = session.image;
        StringBuilder query = new StringBuilder();
        if (challenge.params().containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(challenge.params().get("service"), StandardCharsets.UTF_8)).append('&');
        }
        query.append("scope=").append(URLEncoder.encode("repository:" + image.repository() + ":pull", StandardCharsets.UTF_8));
        String realm = challenge.params().get("realm");
        URI uri;
        try {
            uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE, "the registry at " + image.apiHost()
                    + " names a token realm that is not a URL: " + realm);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(session.remaining());
        session.access.credentials().ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
        HttpResponse<InputStream> answer = session.send(request.build(), "a token from " + uri.getHost());
        String body = text(answer.body(), MAX_TOKEN_ANSWER);
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            throw new RegistryException(RegistryException.Failure.UNAUTHORIZED, "the token server " + uri.getScheme() + "://" + uri.getAuthority()
                    + uri.getPath() + " refused " + (session.access.credentials().isPresent()
                    ? "the credentials of spec.secretRef (HTTP " + answer.statusCode() + "); check the user name and password for " + image.registry()
                    : "anonymous access (HTTP " + answer.statusCode() + "); set spec.secretRef to a dockerconfigjson Secret with credentials for " + image.registry()));
        }
        if (answer.statusCode() != 200) {
            throw RegistryErrors.status(answer, image, "a token for " + image, body);
        }
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode token = json == null ? null : json.hasNonNull("token") ? json.get("token") : json.get("access_token");
            if (token == null || token.asText().isBlank()) {
                throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE, "the token server for " + image.apiHost()
                        + " answered without a 'token' or 'access_token'");
            }
            return token.asText();
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE, "the token server for " + image.apiHost()
                    + " answered with something that is not JSON", e);
        }
    }

    /** Reads an error answer for its message (the first few KB) and discards the rest. */
    private static String drain(InputStream body) {
        return text(body, 4096);
    }

    private static String text(InputStream body, int limit) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(limit);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** One scan's connection: where, how to authorize, and the deadline every request shares. */
    private static final class Session {
        final ImageName image;
        final RegistryAccess access;
        final HttpClient http;
        final Instant deadline;
        final URI base;
        String authorization;

        Session(ImageName image, RegistryAccess access, HttpClient http, Instant deadline) {
            this.image = image;
            this.access = access;
            this.http = http;
            this.deadline = deadline;
            this.base = URI.create(access.scheme() + "://" + image.apiHost());
        }

        HttpRequest.Builder authorize(HttpRequest.Builder request) {
            return authorization == null ? request : request.header("Authorization", authorization);
        }

        Duration remaining() throws RegistryException {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw RegistryErrors.timeout(image, access.timeout(), null);
            }
            return left;
        }

        HttpResponse<InputStream> send(HttpRequest request, String what) throws RegistryException {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw RegistryErrors.transport(e, image, what, access);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(RegistryException.Failure.TIMEOUT, "scanning " + image + " was interrupted", e);
            }
        }
    }
}
