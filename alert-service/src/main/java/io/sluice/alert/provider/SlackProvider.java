package io.sluice.alert.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Slack, two ways as in Flux: an incoming webhook (the address, usually from the Secret), or a bot
 * token (the Secret's {@code token}) with {@code spec.channel}, posted to {@code chat.postMessage}
 * with {@code Authorization: Bearer}. chat.postMessage answers 200 even on failure, so its
 * {@code ok} field is checked too.
 */
public final class SlackProvider implements NotificationProvider {

    public static final String POST_MESSAGE = "https://slack.com/api/chat.postMessage";

    private final ProviderSettings settings;
    private final URI address;
    private final Optional<String> token;
    private final HttpDelivery http;

    SlackProvider(ProviderSettings settings) throws DeliveryException {
        this.settings = settings;
        this.token = settings.secret().get("token");
        this.address = settings.httpAddress(token.isPresent() ? POST_MESSAGE : null);
        if (token.isPresent() && settings.channel() == null) {
            throw DeliveryException.permanent(settings.provider() + ": a Slack bot token needs spec.channel (e.g. #alerts or a channel ID)");
        }
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        byte[] body = Json.bytes(SlackPayload.of(notification, settings.channel(), settings.username()));
        Map<String, String> headers = token.map(t -> Map.of("Authorization", "Bearer " + t)).orElse(Map.of());
        String answer = http.postJson(address, body, headers);
        if (token.isPresent()) {
            checkApiAnswer(answer);
        }
    }

    private void checkApiAnswer(String answer) throws DeliveryException {
        JsonNode reply;
        try {
            reply = Json.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new DeliveryException(settings.provider() + ": Slack answered something that is not JSON", true, 200, e);
        }
        if (reply.path("ok").asBoolean(false)) {
            return;
        }
        String error = reply.path("error").asText("unknown");
        boolean retryable = "ratelimited".equals(error) || "internal_error".equals(error) || "service_unavailable".equals(error);
        throw new DeliveryException(settings.provider() + ": Slack chat.postMessage failed: " + error
                + (retryable ? "" : "; check the token's scopes (chat:write) and spec.channel"), retryable, 200, null);
    }
}
