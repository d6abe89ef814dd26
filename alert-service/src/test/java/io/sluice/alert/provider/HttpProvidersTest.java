package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.events.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.sluice.alert.provider.Fixtures.SHA;
import static io.sluice.alert.provider.Fixtures.notification;
import static io.sluice.alert.provider.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpProvidersTest {

    private final ObjectMapper json = new ObjectMapper();
    private CapturingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new CapturingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode body() throws Exception {
        return json.readTree(server.only().body());
    }

    @Test
    void slackWebhookFromSecretAddress() throws Exception {
        NotificationProvider slack = NotificationProviders.create(provider("slack", null, "#ops", "sluice", null),
                new ProviderSecret(Map.of("address", server.url("/services/T0/B0/XYZ"))));
        assertThat(slack).isInstanceOf(SlackProvider.class);
        slack.send(notification(Severity.ERROR));

        CapturingServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/services/T0/B0/XYZ");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = body();
        assertThat(body.path("channel").asText()).isEqualTo("#ops");
        assertThat(body.path("username").asText()).isEqualTo("sluice");
        JsonNode attachment = body.path("attachments").get(0);
        assertThat(attachment.path("color").asText()).isEqualTo("danger");
        assertThat(attachment.path("author_name").asText()).isEqualTo("kustomization/podinfo.flux-system");
        assertThat(attachment.path("text").asText()).isEqualTo("Deployment/apps/podinfo not ready");
        assertThat(attachment.path("fields").toString())
                .contains("main@sha1:" + SHA, "https://github.com/org/repo/commit/" + SHA, "\"env\"", "prod");
        assertThat(body.path("text").asText()).contains("Kustomization/flux-system/podinfo", "HealthCheckFailed", "main@sha1:0123456");
    }

    @Test
    void slackBotTokenUsesBearerAndChecksOk() throws Exception {
        server.answer(200, "{\"ok\":true}");
        NotificationProvider slack = NotificationProviders.create(provider("slack", server.url("/api/chat.postMessage"), "C123", null, null),
                new ProviderSecret(Map.of("token", "xoxb-secret")));
        slack.send(notification(Severity.INFO));
        assertThat(server.only().header("Authorization")).isEqualTo("Bearer xoxb-secret");
        assertThat(body().path("channel").asText()).isEqualTo("C123");
        assertThat(body().path("attachments").get(0).path("color").asText()).isEqualTo("good");

        server.answer(200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
        assertThatThrownBy(() -> slack.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("channel_not_found")
                .hasMessageNotContaining("xoxb-secret");
    }

    @Test
    void slackBotTokenWithoutChannelIsRejected() {
        assertThatThrownBy(() -> NotificationProviders.create(provider("slack", null, null, null, null),
                new ProviderSecret(Map.of("token", "xoxb-secret"))))
                .hasMessageContaining("Provider/flux-system/team").hasMessageContaining("spec.channel");
    }

    @Test
    void discordAppendsSlackSuffix() throws Exception {
        NotificationProviders.create(provider("discord", null, null, "bot", null),
                new ProviderSecret(Map.of("address", server.url("/api/webhooks/1/abc")))).send(notification(Severity.INFO));
        assertThat(server.only().path()).isEqualTo("/api/webhooks/1/abc/slack");
        assertThat(body().path("username").asText()).isEqualTo("bot");
        assertThat(body().path("attachments").get(0).path("text").asText()).isEqualTo("Deployment/apps/podinfo configured");
    }

    @Test
    void msteamsAdaptiveCard() throws Exception {
        NotificationProviders.create(provider("msteams", server.url("/workflows/x"), null, null, null), ProviderSecret.NONE)
                .send(notification(Severity.ERROR));
        JsonNode body = body();
        assertThat(body.path("type").asText()).isEqualTo("message");
        JsonNode attachment = body.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("body").get(0).path("color").asText()).isEqualTo("attention");
        assertThat(card.path("body").toString()).contains("Production cluster", "not ready", "FactSet", "main@sha1:" + SHA);
    }

    @Test
    void googleChatCard() throws Exception {
        NotificationProviders.create(provider("googlechat", server.url("/v1/spaces/x/messages"), null, null, null), ProviderSecret.NONE)
                .send(notification(Severity.INFO));
        JsonNode card = body().path("cards").get(0);
        assertThat(card.path("header").path("title").asText()).isEqualTo("Kustomization/flux-system/podinfo");
        assertThat(card.path("header").path("subtitle").asText()).isEqualTo("info: ReconciliationSucceeded");
        assertThat(card.path("sections").toString()).contains("configured", "revision", "https://github.com/org/repo/commit/");
    }

    @Test
    void genericPostsFluxEventJson() throws Exception {
        NotificationProviders.create(provider("generic", server.url("/hook"), null, null, null), ProviderSecret.NONE)
                .send(notification(Severity.ERROR));
        CapturingServer.Request request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("gotk-component")).isEqualTo("apply-service");
        assertThat(request.header("X-Signature")).isNull();
        JsonNode body = body();
        assertThat(body.path("involvedObject").path("kind").asText()).isEqualTo("Kustomization");
        assertThat(body.path("involvedObject").path("namespace").asText()).isEqualTo("flux-system");
        assertThat(body.path("involvedObject").path("name").asText()).isEqualTo("podinfo");
        assertThat(body.path("severity").asText()).isEqualTo("error");
        assertThat(body.path("reason").asText()).isEqualTo("HealthCheckFailed");
        assertThat(body.path("timestamp").asText()).isEqualTo("2026-11-28T00:00:00Z");
        assertThat(body.path("reportingController").asText()).isEqualTo("apply-service");
        assertThat(body.path("metadata").path("revision").asText()).isEqualTo("main@sha1:" + SHA);
        assertThat(body.path("metadata").path("summary").asText()).isEqualTo("Production cluster");
        assertThat(body.path("metadata").path("env").asText()).isEqualTo("prod");
    }

    @Test
    void genericHmacSignatureVerifies() throws Exception {
        NotificationProviders.create(provider("generic-hmac", server.url("/hook"), null, null, null),
                new ProviderSecret(Map.of("token", "s3cret"))).send(notification(Severity.INFO));
        CapturingServer.Request request = server.only();
        String expected = "sha256=" + GenericHmacProvider.sign("s3cret".getBytes(StandardCharsets.UTF_8), request.body());
        assertThat(request.header("X-Signature")).isEqualTo(expected);
        // a known vector, so the signature is real HMAC-SHA256 and not just self-consistent (RFC 4231 case 2)
        assertThat(GenericHmacProvider.sign("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void genericHmacNeedsToken() {
        assertThatThrownBy(() -> NotificationProviders.create(provider("generic-hmac", server.url("/hook"), null, null, null), ProviderSecret.NONE))
                .hasMessageContaining("Provider/flux-system/team").hasMessageContaining("'token'");
    }

    @Test
    void serverErrorIsRetryableWithStatus() throws Exception {
        server.answer(500, "upstream broke");
        NotificationProvider generic = NotificationProviders.create(provider("generic", null, null, null, null),
                new ProviderSecret(Map.of("address", server.url("/secret-path-token"))));
        assertThatThrownBy(() -> generic.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(500);
                })
                .hasMessageContaining("HTTP 500").hasMessageContaining("upstream broke")
                .hasMessageNotContaining("secret-path-token");
    }

    @Test
    void badRequestIsNotRetryable() throws Exception {
        server.answer(400, "invalid_payload");
        NotificationProvider slack = NotificationProviders.create(provider("slack", server.url("/x"), null, null, null), ProviderSecret.NONE);
        assertThatThrownBy(() -> slack.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void timeoutIsRetryable() throws Exception {
        server.hang();
        NotificationProvider generic = NotificationProviders.create(provider("generic", server.url("/slow"), null, null, "300ms"), ProviderSecret.NONE);
        long start = System.nanoTime();
        assertThatThrownBy(() -> generic.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("did not answer within 300 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void proxyFromSpecIsUsed() throws Exception {
        var provider = provider("generic", "http://receiver.invalid/hook", null, null, "2s");
        provider.getSpec().setProxy(server.url(""));
        NotificationProviders.create(provider, ProviderSecret.NONE).send(notification(Severity.INFO));
        // the request reached the proxy (our server) although the receiver's host does not exist
        CapturingServer.Request request = server.only();
        assertThat(request.path()).isEqualTo("/hook");
        assertThat(request.header("Host")).isEqualTo("receiver.invalid");
    }

    @Test
    void refusedConnectionIsRetryableAndHidesThePath() throws Exception {
        String url = server.url("/hooks/secret-token");
        server.close();
        NotificationProvider generic = NotificationProviders.create(provider("generic", null, null, null, "2s"),
                new ProviderSecret(Map.of("address", url)));
        assertThatThrownBy(() -> generic.send(notification(Severity.INFO)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("could not be reached")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void configurationErrorsNameTheProviderNotTheSecret() {
        assertThatThrownBy(() -> NotificationProviders.create(provider("slack", null, null, null, null), ProviderSecret.NONE))
                .hasMessageContaining("Provider/flux-system/team: no address");
        assertThatThrownBy(() -> NotificationProviders.create(provider("pagerduty", "https://x", null, null, null), ProviderSecret.NONE))
                .hasMessageContaining("spec.type 'pagerduty' is not supported");
        assertThatThrownBy(() -> NotificationProviders.create(provider("generic", null, null, null, null),
                new ProviderSecret(Map.of("address", "ftp://tok3n@host/x"))))
                .hasMessageContaining("not an http(s) URL").hasMessageNotContaining("tok3n");
        assertThatThrownBy(() -> NotificationProviders.create(provider("generic", "https://x", null, null, "soon"), ProviderSecret.NONE))
                .hasMessageContaining("spec.timeout");
    }

    @Test
    void secretsAreRedacted() throws Exception {
        ProviderSecret secret = new ProviderSecret(Map.of("token", "xoxb-secret", "address", "https://hooks/T/B/tok"));
        assertThat(secret.toString()).contains("address", "token").doesNotContain("xoxb-secret", "https://hooks/T/B/tok");
        ProviderSettings settings = ProviderSettings.of(provider("slack", null, "#c", null, null), secret);
        assertThat(settings.toString()).doesNotContain("xoxb-secret", "hooks/T/B/tok");
    }
}
