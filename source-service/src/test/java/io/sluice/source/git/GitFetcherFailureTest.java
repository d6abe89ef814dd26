package io.sluice.source.git;

import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException;
import static io.sluice.source.git.GitFetcherHttpTest.branch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.meta.ObjectKey;
import io.sluice.git.GitFetchException.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures before any Git is spoken: bad URLs, unknown hosts, refused connections, servers that never answer. */
class GitFetcherFailureTest {

    @TempDir
    Path cache;
    private GitFetcher fetcher;
    private final ObjectKey owner = ObjectKey.of("GitRepository", "default", "broken");

    @BeforeEach
    void setUp() {
        fetcher = new GitFetcher(cache);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    @Test
    void unknownHostFailsFastAsUnknownHost() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(owner, request("https://does-not-exist.invalid/x.git", Duration.ofSeconds(30))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.UNKNOWN_HOST);
                    assertThat(e.getMessage()).isEqualTo("host 'does-not-exist.invalid' of https://does-not-exist.invalid/x.git does not resolve:"
                            + " check spec.url (and that this cluster's DNS knows the host)");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void serverThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> fetcher.fetch(owner, request("http://127.0.0.1:" + silent.port() + "/x.git", Duration.ofSeconds(1))))
                    .isInstanceOfSatisfying(GitFetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Failure.TIMEOUT);
                        assertThat(e.getMessage()).isEqualTo("fetching branch 'main' from http://127.0.0.1:" + silent.port()
                                + "/x.git did not finish within 1s: check that the server answers, or raise spec.timeout for a large repository");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theNextFetchOfTheSameObjectWorksAfterATimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            assertThatThrownBy(() -> fetcher.fetch(owner, request("http://127.0.0.1:" + silent.port() + "/x.git", Duration.ofSeconds(1))))
                    .isInstanceOfSatisfying(GitFetchException.class, e -> assertThat(e.kind()).isEqualTo(Failure.TIMEOUT));
        }
        // Still failing (nothing listens now), but with the right kind: the timed-out worker released the clone.
        int closed = freePort();
        assertThatThrownBy(() -> fetcher.fetch(owner, request("http://127.0.0.1:" + closed + "/x.git", Duration.ofSeconds(10))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> assertThat(e.kind()).isEqualTo(Failure.CONNECTION));
    }

    @Test
    void refusedConnectionIsAConnectionFailure() throws Exception {
        int port = freePort();

        assertThatThrownBy(() -> fetcher.fetch(owner, request("http://127.0.0.1:" + port + "/x.git", Duration.ofSeconds(10))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.CONNECTION);
                    assertThat(e.getMessage()).startsWith("cannot connect to 127.0.0.1:" + port + " for http://127.0.0.1:" + port + "/x.git");
                });
    }

    @Test
    void invalidUrlsSayWhatToWrite() {
        assertThatThrownBy(() -> fetcher.fetch(owner, request("git@github.com:org/repo.git", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.INVALID_URL);
                    assertThat(e.getMessage()).contains("scp-like form is not supported, write ssh://git@github.com/org/repo.git");
                });
        assertThatThrownBy(() -> fetcher.fetch(owner, request("ftp://example.com/repo.git", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.INVALID_URL);
                    assertThat(e.getMessage()).contains("uses scheme 'ftp'");
                });
        assertThatThrownBy(() -> fetcher.fetch(owner, request(" ", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> assertThat(e.kind()).isEqualTo(Failure.INVALID_URL));
    }

    private static FetchRequest request(String url, Duration timeout) {
        return new FetchRequest(url, branch("main"), GitCredentials.none(), timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Accepts connections on loopback and never writes a byte. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // close() was called
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
            acceptor.join(2000);
        }
    }
}
