package io.sluice.source.helm;

import io.sluice.sandbox.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Index downloads from a real HTTP server on loopback: auth, errors people can act on, limits. */
class ChartRepositoryClientTest {

    private static final String INDEX = "apiVersion: v1\nentries: {}\n";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static ChartRepositoryServer open;
    private static ChartRepositoryServer locked;
    private final ChartRepositoryClient client = new ChartRepositoryClient();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        open = new ChartRepositoryServer().put("/charts/index.yaml", INDEX);
        locked = new ChartRepositoryServer().put("/index.yaml", INDEX).basicAuth("robot", "s3cret");
    }

    @AfterAll
    static void stop() {
        open.close();
        locked.close();
    }

    @Test
    void downloadsTheIndexBelowTheUrlWithTheDigestOfItsBytes() throws Exception {
        Path target = dir.resolve("index");
        for (String url : new String[] {open.url() + "/charts", open.url() + "/charts/"}) {
            ChartRepositoryClient.Download download = client.downloadIndex(access(url, null), target);

            byte[] bytes = INDEX.getBytes(StandardCharsets.UTF_8);
            assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
            assertThat(download.size()).isEqualTo(bytes.length);
            assertThat(download.digest()).isEqualTo("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        assertThat(open.requested()).allMatch(r -> r.equals("/charts/index.yaml|-"));
    }

    @Test
    void basicAuthIsSentAndRefusalsSayWhatToFix() throws Exception {
        assertThatThrownBy(() -> client.downloadIndex(access(locked.url(), null), dir.resolve("a")))
                .isInstanceOf(RepositoryFetchException.class)
                .hasMessage("failed to fetch " + locked.url() + "/index.yaml : 401 Unauthorized; the repository wants credentials:"
                        + " set spec.secretRef to a Secret with 'username' and 'password'");
        assertThatThrownBy(() -> client.downloadIndex(access(locked.url(), new ChartRepositoryAccess.Credentials("robot", "wrong")), dir.resolve("b")))
                .isInstanceOf(RepositoryFetchException.class)
                .hasMessageContaining("401 Unauthorized; check the username and password in the Secret of spec.secretRef")
                .hasMessageNotContaining("wrong");
        assertThat(dir.resolve("b")).doesNotExist();

        client.downloadIndex(access(locked.url(), new ChartRepositoryAccess.Credentials("robot", "s3cret")), dir.resolve("c"));
        assertThat(dir.resolve("c")).hasContent(INDEX);
    }

    @Test
    void missingIndexUnreachableServerAndSlowServerAreClearFailures() throws Exception {
        assertThatThrownBy(() -> client.downloadIndex(access(open.url() + "/nothing", null), dir.resolve("a")))
                .hasMessage("failed to fetch " + open.url() + "/nothing/index.yaml : 404 Not Found; check spec.url (it must be the folder that holds index.yaml)");

        String closed = "http://127.0.0.1:" + LoopbackPorts.free();
        assertThatThrownBy(() -> client.downloadIndex(access(closed, null), dir.resolve("b")))
                .hasMessage("failed to fetch " + closed + "/index.yaml : nothing accepts connections there; check spec.url and that the repository is up");

        try (ChartRepositoryServer slow = new ChartRepositoryServer().put("/index.yaml", INDEX).delay(3_000)) {
            ChartRepositoryAccess impatient = new ChartRepositoryAccess(slow.url(), Optional.empty(), null, false, Duration.ofMillis(500));
            assertThatThrownBy(() -> client.downloadIndex(impatient, dir.resolve("c")))
                    .hasMessageContaining("failed to fetch " + slow.url() + "/index.yaml : no answer within")
                    .hasMessageContaining("raise spec.timeout");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndNotKept() {
        Path target = dir.resolve("big");
        assertThatThrownBy(() -> client.download(access(open.url(), null), URI.create(open.url() + "/charts/index.yaml"), true, target, 10))
                .hasMessageContaining("exceeds the maximum size of 10 bytes");
        assertThat(target).doesNotExist();
    }

    @Test
    void aPrivateCaFromCertSecretRefIsTrustedAndTheJvmsCasAreNot(@TempDir Path keys) throws Exception {
        try (HttpsChartServer https = HttpsChartServer.start(keys, "/index.yaml", INDEX)) {
            assertThatThrownBy(() -> client.downloadIndex(access(https.url(), null), dir.resolve("untrusted")))
                    .hasMessageContaining("failed to fetch " + https.url() + "/index.yaml : TLS failed")
                    .hasMessageContaining("set spec.certSecretRef to a Secret with that CA in 'ca.crt'");

            ChartRepositoryAccess withCa = new ChartRepositoryAccess(https.url(), Optional.empty(), https.caPem(), false, TIMEOUT);
            client.downloadIndex(withCa, dir.resolve("trusted"));
            assertThat(dir.resolve("trusted")).hasContent(INDEX);
        }
    }

    @Test
    void aCaThatIsNotPemIsRefusedBeforeAnyRequest() {
        ChartRepositoryAccess badCa = new ChartRepositoryAccess("https://127.0.0.1:1", Optional.empty(), "not a certificate", false, TIMEOUT);
        assertThatThrownBy(() -> client.downloadIndex(badCa, dir.resolve("x")))
                .hasMessageContaining("'ca.crt' of spec.certSecretRef");
    }

    private static ChartRepositoryAccess access(String url, ChartRepositoryAccess.Credentials credentials) {
        return new ChartRepositoryAccess(url, Optional.ofNullable(credentials), null, false, TIMEOUT);
    }
}
