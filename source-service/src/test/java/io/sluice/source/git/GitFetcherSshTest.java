package io.sluice.source.git;

import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException;
import static io.sluice.source.git.GitFetcherHttpTest.branch;
import static io.sluice.source.git.GitFetcherHttpTest.readFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.git.GitFetchException.Failure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitFetcher over SSH against an in-process Apache MINA server: key authentication, known_hosts checking. */
class GitFetcherSshTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static LocalGitServer repositories;
    private static SshGitServer ssh;
    private static KeyPair clientKey;

    @TempDir
    Path cache;
    private GitFetcher fetcher;
    private String name;
    private ObjectKey owner;

    @BeforeAll
    static void startServers() throws Exception {
        repositories = LocalGitServer.start();
        repositories.createBareRepository("placeholder");
        ssh = SshGitServer.start(repositories.repositoryDirectory("placeholder").getParent());
        clientKey = SshGitServer.newKeyPair();
        ssh.authorize(clientKey.getPublic());
    }

    @AfterAll
    static void stopServers() throws Exception {
        ssh.close();
        repositories.close();
    }

    @BeforeEach
    void setUp() {
        fetcher = new GitFetcher(cache);
        name = "ssh-" + COUNTER.incrementAndGet();
        repositories.createBareRepository(name);
        owner = ObjectKey.of("GitRepository", "apps", name);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    @Test
    void fetchesWithKeyAndKnownHosts() throws Exception {
        ObjectId tip = repositories.commitFiles(name, "main", Map.of("a.txt", "over ssh"), "initial");

        FetchResult result = fetcher.fetch(owner, request(secret(clientKey, null, ssh.knownHostsLine())));

        assertThat(result.revision().toString()).isEqualTo("main@sha1:" + tip.name());
        assertThat(readFile(result, "a.txt")).isEqualTo("over ssh");
    }

    @Test
    void incrementalFetchOverSsh() throws Exception {
        repositories.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        fetcher.fetch(owner, request(secret(clientKey, null, ssh.knownHostsLine())));
        ObjectId second = repositories.commitFiles(name, "main", Map.of("a.txt", "2"), "2");

        assertThat(fetcher.fetch(owner, request(secret(clientKey, null, ssh.knownHostsLine()))).commitSha()).isEqualTo(second.name());
    }

    @Test
    void encryptedKeyIsReadWithThePassword() throws Exception {
        ObjectId tip = repositories.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        Map<String, byte[]> data = new HashMap<>();
        data.put("identity", bytes(SshGitServer.openSshPrivateKey(clientKey, "key-passphrase")));
        data.put("password", bytes("key-passphrase"));
        data.put("known_hosts", bytes(ssh.knownHostsLine()));

        assertThat(fetcher.fetch(owner, request(GitCredentials.fromSecretData(data))).commitSha()).isEqualTo(tip.name());
    }

    @Test
    void wrongPassphraseIsAnAuthenticationFailureWithoutThePassphrase() {
        repositories.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        Map<String, byte[]> data = new HashMap<>();
        data.put("identity", bytes(SshGitServer.openSshPrivateKey(clientKey, "key-passphrase")));
        data.put("password", bytes("wrong-passphrase"));
        data.put("known_hosts", bytes(ssh.knownHostsLine()));

        assertThatThrownBy(() -> fetcher.fetch(owner, request(GitCredentials.fromSecretData(data))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("cannot read the private key 'identity' in Secret apps/ssh-creds")
                            .doesNotContain("wrong-passphrase");
                });
    }

    @Test
    void unauthorizedKeyIsAnAuthenticationFailure() {
        repositories.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        KeyPair stranger = SshGitServer.newKeyPair();

        assertThatThrownBy(() -> fetcher.fetch(owner, request(secret(stranger, null, ssh.knownHostsLine()))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage()).isEqualTo("authentication failed for " + ssh.url(name)
                            + ": check that the public key of 'identity' in Secret apps/ssh-creds has read access to the repository");
                });
    }

    @Test
    void wrongHostKeyIsRejected() {
        repositories.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        String impostor = "[127.0.0.1]:" + ssh.port() + " " + PublicKeyEntry.toString(SshGitServer.newKeyPair().getPublic());

        assertThatThrownBy(() -> fetcher.fetch(owner, request(secret(clientKey, null, impostor))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.HOST_KEY_REJECTED);
                    assertThat(e.getMessage()).startsWith("SSH host key check failed for " + ssh.url(name))
                            .contains("does not match the key(s) known_hosts lists for it")
                            .contains("ssh-keyscan -p " + ssh.port() + " 127.0.0.1");
                });
    }

    @Test
    void hostMissingFromKnownHostsIsRejected() {
        repositories.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        String otherHost = "github.com " + PublicKeyEntry.toString(SshGitServer.newKeyPair().getPublic());

        assertThatThrownBy(() -> fetcher.fetch(owner, request(secret(clientKey, null, otherHost))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.HOST_KEY_REJECTED);
                    assertThat(e.getMessage()).contains("is not in known_hosts");
                });
    }

    @Test
    void noKnownHostsIsRejectedUnlessTheSecretTurnsCheckingOff() throws Exception {
        ObjectId tip = repositories.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(secret(clientKey, null, null))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.HOST_KEY_REJECTED);
                    assertThat(e.getMessage()).contains("Secret apps/ssh-creds has no 'known_hosts'");
                });

        Map<String, byte[]> data = new HashMap<>();
        data.put("identity", bytes(SshGitServer.openSshPrivateKey(clientKey, null)));
        data.put(GitCredentials.INSECURE_IGNORE_HOST_KEY, bytes("true"));
        assertThat(fetcher.fetch(owner, request(GitCredentials.fromSecretData(data))).commitSha()).isEqualTo(tip.name());
    }

    private FetchRequest request(GitCredentials credentials) {
        return new FetchRequest(ssh.url(name), branch("main"), credentials, Duration.ofSeconds(20), "apps/ssh-creds");
    }

    private static GitCredentials secret(KeyPair key, String passphrase, String knownHosts) {
        Map<String, byte[]> data = new HashMap<>();
        data.put("identity", bytes(SshGitServer.openSshPrivateKey(key, passphrase)));
        if (knownHosts != null) {
            data.put("known_hosts", bytes(knownHosts));
        }
        return GitCredentials.fromSecretData(data);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
