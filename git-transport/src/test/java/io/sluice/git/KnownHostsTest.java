package io.sluice.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;

class KnownHostsTest {

    private final KeyPair key = newKeyPair();
    private final KeyPair other = newKeyPair();

    @Test
    void acceptsTheListedKeyForHostAndPort() {
        KnownHosts hosts = KnownHosts.parse("# comment\n\n[git.example.com]:2222 " + PublicKeyEntry.toString(key.getPublic()) + "\n");

        assertThat(hosts.accept("[git.example.com]:2222", null, key.getPublic(), null, null)).isTrue();
        assertThat(hosts.rejection()).isNull();
        assertThat(hosts.accept("git.example.com", null, key.getPublic(), null, null)).as("port 22 is another entry").isFalse();
        assertThat(hosts.rejection()).contains("is not in known_hosts");
    }

    @Test
    void rejectsAChangedKey() {
        KnownHosts hosts = KnownHosts.parse("git.example.com " + PublicKeyEntry.toString(key.getPublic()));

        assertThat(hosts.accept("git.example.com", null, other.getPublic(), null, null)).isFalse();
        assertThat(hosts.rejection()).contains("does not match the key(s) known_hosts lists");
    }

    @Test
    void rejectsRevokedKeys() {
        String line = PublicKeyEntry.toString(key.getPublic());
        KnownHosts hosts = KnownHosts.parse("git.example.com " + line + "\n@revoked git.example.com " + line);

        assertThat(hosts.accept("git.example.com", null, key.getPublic(), null, null)).isFalse();
        assertThat(hosts.rejection()).contains("@revoked");
    }

    @Test
    void acceptAnyIsOnlyForTheExplicitOptOut() {
        assertThat(KnownHosts.acceptingAnyKey().accept("anything", null, other.getPublic(), null, null)).isTrue();
    }

    @Test
    void unreadableLineNamesItsNumber() {
        assertThatThrownBy(() -> KnownHosts.parse("ok.example.com " + PublicKeyEntry.toString(key.getPublic()) + "\nthis-is-not-a-key-line"))
                .hasMessageContaining("known_hosts line 2");
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
