package io.sluice.source.git;

import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException;
import static io.sluice.source.git.GitFetcherHttpTest.branch;
import static io.sluice.source.git.GitFetcherHttpTest.readFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.git.GitFetchException.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file:// URLs, and bearer-token authentication through a proxy that only lets {@code Authorization: Bearer} in. */
class GitFetcherFileAndBearerTest {

    private static final String TOKEN = "bearer-token-42";
    private static LocalGitServer server;
    private static BearerProxy proxy;

    @TempDir
    Path cache;
    private GitFetcher fetcher;

    @BeforeAll
    static void start() throws IOException {
        server = LocalGitServer.start();
        server.createBareRepository("files");
        proxy = new BearerProxy(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        fetcher = new GitFetcher(cache);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    @Test
    void fileUrlFetchesAndIncrements() throws Exception {
        ObjectId first = server.commitFiles("files", "main", Map.of("a.txt", "1"), "1");
        String url = server.repositoryDirectory("files").toUri().toString();
        assertThat(url).startsWith("file:/");
        ObjectKey owner = ObjectKey.of("GitRepository", "default", "local");

        assertThat(fetcher.fetch(owner, new FetchRequest(url, branch("main"), null, null)).revision().toString())
                .isEqualTo("main@sha1:" + first.name());
        ObjectId second = server.commitFiles("files", "main", Map.of("a.txt", "2"), "2");
        FetchResult result = fetcher.fetch(owner, new FetchRequest(url, branch("main"), null, null));

        assertThat(result.commitSha()).isEqualTo(second.name());
        assertThat(readFile(result, "a.txt")).isEqualTo("2");
    }

    @Test
    void bearerTokenIsSentAsAuthorizationHeader() throws Exception {
        ObjectId tip = server.commitFiles("files", "main", Map.of("b.txt", "bearer"), "b");
        GitCredentials token = GitCredentials.fromSecretData(Map.of("bearerToken", TOKEN.getBytes(StandardCharsets.UTF_8)));

        FetchResult result = fetcher.fetch(ObjectKey.of("GitRepository", "default", "bearer"),
                new FetchRequest(proxy.url("files"), branch("main"), token, Duration.ofSeconds(20), "default/token"));

        assertThat(result.commitSha()).isEqualTo(tip.name());
        assertThat(proxy.authorizations).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
    }

    @Test
    void wrongBearerTokenIsAnAuthenticationFailureNamingTheKey() {
        server.commitFiles("files", "main", Map.of("c.txt", "c"), "c");
        GitCredentials wrong = GitCredentials.fromSecretData(Map.of("bearerToken", "nope-token".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> fetcher.fetch(ObjectKey.of("GitRepository", "default", "bearer-wrong"),
                new FetchRequest(proxy.url("files"), branch("main"), wrong, Duration.ofSeconds(20), "default/token")))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("check 'bearerToken' in Secret default/token").doesNotContain("nope-token");
                });
    }

    /** Forwards to the Git server only requests carrying {@code Authorization: Bearer <TOKEN>}; others get 401. */
    private static final class BearerProxy implements AutoCloseable {
        private final HttpServer http;
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI upstream;
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        BearerProxy(URI upstream) throws IOException {
            this.upstream = upstream;
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", this::handle);
            http.start();
        }

        String url(String repository) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/git/" + repository + ".git";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    authorizations.add(authorization);
                }
                if (!("Bearer " + TOKEN).equals(authorization)) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"git\"");
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                URI target = upstream.resolve(exchange.getRequestURI().toString());
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : List.of("Content-Type", "Accept", "Git-Protocol", "Content-Encoding")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        request.header(header, value);
                    }
                }
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                response.headers().firstValue("Content-Encoding").ifPresent(v -> exchange.getResponseHeaders().add("Content-Encoding", v));
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
