package io.sluice.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitCredentialsTest {

    @Test
    void readsFluxKeysAndIgnoresOthers() {
        GitCredentials c = GitCredentials.fromSecretData(Map.of(
                "username", b("bot"), "password", b("pw"), "bearerToken", b("tok"),
                "identity", b("-----BEGIN OPENSSH PRIVATE KEY-----"), "identity.pub", b("ssh-ed25519 AAAA"),
                "known_hosts", b("github.com ssh-ed25519 AAAA"), "ca.crt", b("cert")));

        assertThat(c.username()).isEqualTo("bot");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.bearerToken()).isEqualTo("tok");
        assertThat(c.identity()).startsWith("-----BEGIN");
        assertThat(c.knownHosts()).startsWith("github.com");
        assertThat(c.insecureIgnoreHostKey()).isFalse();
    }

    @Test
    void emptyOrMissingSecretMeansNoCredentials() {
        assertThat(GitCredentials.fromSecretData(null)).isEqualTo(GitCredentials.none());
        assertThat(GitCredentials.fromSecretData(Map.of())).isEqualTo(GitCredentials.none());
        assertThat(GitCredentials.fromSecretData(Map.of("password", b("  ")))).isEqualTo(GitCredentials.none());
        assertThat(GitCredentials.none().hasBasicAuth()).isFalse();
    }

    @Test
    void hostKeyCheckingIsOffOnlyWithTheExplicitKey() {
        assertThat(GitCredentials.fromSecretData(Map.of("insecureIgnoreHostKey", b("true"))).insecureIgnoreHostKey()).isTrue();
        assertThat(GitCredentials.fromSecretData(Map.of("insecureIgnoreHostKey", b(" TRUE\n"))).insecureIgnoreHostKey()).isTrue();
        assertThat(GitCredentials.fromSecretData(Map.of("insecureIgnoreHostKey", b("yes"))).insecureIgnoreHostKey()).isFalse();
    }

    @Test
    void toStringNeverShowsSecrets() {
        GitCredentials c = GitCredentials.fromSecretData(Map.of("username", b("bot-user"), "password", b("hunter2-secret"),
                "bearerToken", b("token-secret"), "identity", b("key-secret")));

        assertThat(c.toString()).doesNotContain("hunter2-secret", "token-secret", "key-secret", "bot-user")
                .contains("password=***").contains("bearerToken=***").contains("identity=***");
    }

    @Test
    void redactorRemovesSecretsAndUrlUserInfo() {
        GitCredentials c = GitCredentials.fromSecretData(Map.of("password", b("hunter2-secret")));

        assertThat(Redactor.of(c).redact("https://bot:hunter2-secret@git.example.com/x.git: not authorized (hunter2-secret)"))
                .isEqualTo("https://git.example.com/x.git: not authorized (***)");
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
