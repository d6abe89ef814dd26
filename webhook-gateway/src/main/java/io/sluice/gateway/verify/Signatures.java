package io.sluice.gateway.verify;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** Compares a hex signature from a header with the HMAC of the body, in constant time. */
final class Signatures {

    private Signatures() {
    }

    /**
     * @throws VerificationException when {@code hex} is not hex or differs from the HMAC of {@code body}
     */
    static void check(String header, HmacAlgorithm algorithm, String hex, byte[] token, byte[] body) throws VerificationException {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VerificationException(header + " is not a hex " + algorithm.prefix() + " HMAC");
        }
        byte[] expected = algorithm.sign(token, body);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new VerificationException(header + " does not match the " + algorithm.prefix()
                    + " HMAC of the body with the Receiver's token");
        }
    }
}
