package io.sluice.gateway.verify;

import java.util.List;

/**
 * HMAC signature in a header written {@code <sha1|sha256|sha512>=<hex>}, as GitHub, Gitea, Forgejo, Bitbucket
 * (Server and Cloud) and Flux's {@code generic-hmac} send it. The first header present in {@link #headers} is
 * used: for GitHub, {@code X-Hub-Signature-256} before the older SHA-1 {@code X-Hub-Signature}, as go-github
 * (which Flux uses) does.
 */
public record PrefixedHmacVerifier(List<String> headers) implements Verifier {

    public PrefixedHmacVerifier {
        headers = List.copyOf(headers);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a signature verifier needs at least one header name");
        }
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        String header = null;
        String value = null;
        for (String name : headers) {
            value = request.header(name);
            if (value != null) {
                header = name;
                break;
            }
        }
        if (value == null) {
            throw new VerificationException("missing signature header " + String.join(" or ", headers));
        }
        int equals = value.indexOf('=');
        HmacAlgorithm algorithm = equals < 0 ? null : HmacAlgorithm.fromPrefix(value.substring(0, equals)).orElse(null);
        if (algorithm == null) {
            throw new VerificationException(header + " must be written sha1=<hex>, sha256=<hex> or sha512=<hex>");
        }
        Signatures.check(header, algorithm, value.substring(equals + 1), token, request.bodyUnsafe());
    }
}
