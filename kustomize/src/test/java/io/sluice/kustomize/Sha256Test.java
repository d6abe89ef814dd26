package io.sluice.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written SHA-256 agrees with the JDK's, on FIPS test vectors and on every length across block borders. */
class Sha256Test {

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @Test
    void knownVectors() {
        assertThat(hex(Sha256.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(Sha256.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void agreesWithMessageDigestOnEveryLengthUpTo300Bytes() throws Exception {
        Random random = new Random(42);
        for (int n = 0; n <= 300; n++) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            assertThat(Sha256.digest(data)).as("length " + n).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }
}
