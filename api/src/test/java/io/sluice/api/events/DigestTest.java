package io.sluice.api.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestTest {

    @Test
    void sha256OfKnownInput() {
        Digest digest = Digest.sha256("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(digest.toString()).isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(digest.matches("hello".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(digest.matches("hello!".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void parsesAndPrintsTheSameText() {
        String text = "sha256:" + "0a".repeat(32);
        assertThat(Digest.parse(text).toString()).isEqualTo(text);
        assertThat(Digest.parse("sha256:" + "0A".repeat(32)).hex()).isEqualTo("0a".repeat(32));
        assertThat(Digest.parse("sha512:" + "f".repeat(128)).algorithm()).isEqualTo("sha512");
    }

    @Test
    void rejectsMalformedDigests() {
        assertThatThrownBy(() -> Digest.parse("")).hasMessageContaining("digest is empty");
        assertThatThrownBy(() -> Digest.parse("abc")).hasMessageContaining("has no algorithm");
        assertThatThrownBy(() -> Digest.parse("md5:" + "a".repeat(32))).hasMessageContaining("must be sha256, sha384 or sha512");
        assertThatThrownBy(() -> Digest.parse("sha256:abc")).hasMessageContaining("has 64 hex digits, got 'abc'");
        assertThatThrownBy(() -> Digest.parse("sha256:" + "g".repeat(64))).hasMessageContaining("hex digits");
    }
}
