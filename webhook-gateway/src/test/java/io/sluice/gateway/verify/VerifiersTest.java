package io.sluice.gateway.verify;

import io.sluice.gateway.receiver.ReceiverType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiersTest {

    private static final byte[] TOKEN = "s3cr3t-token".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

    /** GitHub Docs, "Validating webhook deliveries", "Testing the webhook payload validation". */
    @Test
    void githubPublishedTestVectorVerifies() {
        byte[] secret = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
        byte[] payload = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThat(HexFormat.of().formatHex(HmacAlgorithm.SHA256.sign(secret, payload)))
                .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        assertThatCode(() -> Verifiers.forType(ReceiverType.GITHUB)
                .verify(WebhookRequest.of(Map.of("X-Hub-Signature-256", signature), payload), secret))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Verifiers.forType(ReceiverType.GITHUB)
                .verify(WebhookRequest.of(Map.of("X-Hub-Signature-256", signature), "Hello, World?".getBytes(StandardCharsets.UTF_8)), secret))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void githubPrefersSha256AndFallsBackToSha1() throws Exception {
        Verifier github = Verifiers.forType(ReceiverType.GITHUB);
        github.verify(request("X-Hub-Signature", sign(HmacAlgorithm.SHA1)), TOKEN);
        github.verify(request("X-Hub-Signature-256", sign(HmacAlgorithm.SHA256)), TOKEN);

        // With both present, the SHA-256 header decides: a good SHA-1 does not rescue a bad SHA-256.
        WebhookRequest both = WebhookRequest.of(Map.of(
                "X-Hub-Signature", sign(HmacAlgorithm.SHA1),
                "X-Hub-Signature-256", "sha256=" + "00".repeat(32)), BODY);
        assertThatThrownBy(() -> github.verify(both, TOKEN))
                .hasMessage("X-Hub-Signature-256 does not match the sha256 HMAC of the body with the Receiver's token");
    }

    @Test
    void missingWrongAndMalformedSignaturesAreRejectedWithAReason() {
        Verifier github = Verifiers.forType(ReceiverType.GITHUB);
        assertThatThrownBy(() -> github.verify(WebhookRequest.of(Map.of(), BODY), TOKEN))
                .isInstanceOf(VerificationException.class)
                .hasMessage("missing signature header X-Hub-Signature-256 or X-Hub-Signature");
        assertThatThrownBy(() -> github.verify(request("X-Hub-Signature-256", "sha256=zz"), TOKEN))
                .hasMessage("X-Hub-Signature-256 is not a hex sha256 HMAC");
        assertThatThrownBy(() -> github.verify(request("X-Hub-Signature-256", "md5=abcd"), TOKEN))
                .hasMessage("X-Hub-Signature-256 must be written sha1=<hex>, sha256=<hex> or sha512=<hex>");
        assertThatThrownBy(() -> github.verify(request("X-Hub-Signature-256", sign(HmacAlgorithm.SHA256)), "other".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("does not match");
    }

    @Test
    void messagesNeverContainTheTokenOrTheExpectedSignature() {
        String expected = sign(HmacAlgorithm.SHA256);
        assertThatThrownBy(() -> Verifiers.forType(ReceiverType.GITHUB).verify(request("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)), TOKEN))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain(expected.substring(7)));
    }

    @Test
    void bitbucketUsesTheSameHubSignature() throws Exception {
        Verifiers.forType(ReceiverType.BITBUCKET).verify(request("X-Hub-Signature", sign(HmacAlgorithm.SHA256)), TOKEN);
        assertThatThrownBy(() -> Verifiers.forType(ReceiverType.BITBUCKET).verify(WebhookRequest.of(Map.of(), BODY), TOKEN))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void genericHmacAcceptsSha1Sha256AndSha512InXSignature() throws Exception {
        Verifier verifier = Verifiers.forType(ReceiverType.GENERIC_HMAC);
        for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
            verifier.verify(request("X-Signature", sign(algorithm)), TOKEN);
        }
        assertThatThrownBy(() -> verifier.verify(request("X-Hub-Signature-256", sign(HmacAlgorithm.SHA256)), TOKEN))
                .hasMessage("missing signature header X-Signature");
    }

    @Test
    void nexusSignatureIsBareHexHmacSha1() throws Exception {
        Verifier nexus = Verifiers.forType(ReceiverType.NEXUS);
        String hex = HexFormat.of().formatHex(HmacAlgorithm.SHA1.sign(TOKEN, BODY));
        nexus.verify(request("X-Nexus-Webhook-Signature", hex), TOKEN);
        assertThatThrownBy(() -> nexus.verify(request("X-Nexus-Webhook-Signature", "sha1=" + hex), TOKEN))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> nexus.verify(WebhookRequest.of(Map.of(), BODY), TOKEN))
                .hasMessage("missing signature header X-Nexus-Webhook-Signature");
    }

    @Test
    void gitlabAndHarborCompareTheTokenHeader() throws Exception {
        Verifiers.forType(ReceiverType.GITLAB).verify(request("X-Gitlab-Token", "s3cr3t-token"), TOKEN);
        Verifiers.forType(ReceiverType.HARBOR).verify(request("Authorization", "s3cr3t-token"), TOKEN);
        assertThatThrownBy(() -> Verifiers.forType(ReceiverType.GITLAB).verify(request("X-Gitlab-Token", "s3cr3t-tokeN"), TOKEN))
                .hasMessage("X-Gitlab-Token does not match the Receiver's token");
        assertThatThrownBy(() -> Verifiers.forType(ReceiverType.GITLAB).verify(request("X-Gitlab-Token", "s3cr3t"), TOKEN))
                .hasMessage("X-Gitlab-Token does not match the Receiver's token");
        assertThatThrownBy(() -> Verifiers.forType(ReceiverType.HARBOR).verify(WebhookRequest.of(Map.of(), BODY), TOKEN))
                .hasMessage("missing Authorization header");
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        Verifiers.forType(ReceiverType.GITHUB).verify(request("x-hub-signature-256", sign(HmacAlgorithm.SHA256)), TOKEN);
        Verifiers.forType(ReceiverType.GITLAB).verify(request("x-gitlab-token", "s3cr3t-token"), TOKEN);
    }

    @Test
    void pathOnlyTypesNeedNoHeader() throws Exception {
        for (ReceiverType type : new ReceiverType[] {ReceiverType.GENERIC, ReceiverType.DOCKERHUB, ReceiverType.QUAY, ReceiverType.ACR}) {
            Verifiers.forType(type).verify(WebhookRequest.of(Map.of(), BODY), TOKEN);
        }
    }

    @Test
    void requestToStringShowsNoHeaderValuesOrBody() {
        WebhookRequest request = request("X-Gitlab-Token", "s3cr3t-token");
        assertThat(request.toString()).contains("x-gitlab-token").doesNotContain("s3cr3t").doesNotContain("refs/heads");
    }

    private static WebhookRequest request(String header, String value) {
        return WebhookRequest.of(Map.of(header, value), BODY);
    }

    private static String sign(HmacAlgorithm algorithm) {
        return algorithm.prefix() + "=" + HexFormat.of().formatHex(algorithm.sign(TOKEN, BODY));
    }
}
