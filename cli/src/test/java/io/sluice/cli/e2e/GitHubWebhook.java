package io.sluice.cli.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends what GitHub sends after a push: a {@code push} event whose body is signed with the Receiver's token
 * ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}), to the Receiver's path on webhook-gateway.
 *
 * @param hookUrl the full URL, {@code http://127.0.0.1:<gateway port>/hook/<digest>}
 * @param token   the {@code token} of the Receiver's Secret
 */
record GitHubWebhook(URI hookUrl, String token) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The gateway's answer. */
    record Answer(int status, String body) {
    }

    /** Tells the gateway that {@code ref} of {@code cloneUrl} moved from {@code before} to {@code after}. */
    Answer push(String cloneUrl, String ref, String before, String after) throws IOException, InterruptedException {
        byte[] body = payload(cloneUrl, ref, before, after).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(hookUrl)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256Hex(token, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** The fields of GitHub's push payload the gateway reads, plus a few it ignores, as GitHub sends them. */
    static String payload(String cloneUrl, String ref, String before, String after) {
        return """
                {"ref":"%s","before":"%s","after":"%s","created":false,"deleted":false,"forced":false,
                 "repository":{"name":"e2e","full_name":"sluice/e2e","clone_url":"%s","default_branch":"main"},
                 "pusher":{"name":"e2e-test"},
                 "head_commit":{"id":"%s","message":"e2e push"}}
                """.formatted(ref, before, after, cloneUrl, after);
    }

    static String hmacSha256Hex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256, which every Java platform must provide", e);
        }
    }
}
