package io.sluice.alert.provider;

import java.net.URI;
import java.util.Map;

/**
 * Discord webhooks through their Slack-compatible endpoint: {@code /slack} is appended to the
 * webhook URL (unless already there) and the Slack payload is sent, as Flux does;
 * {@code spec.username} overrides the webhook's name.
 */
public final class DiscordProvider implements NotificationProvider {

    private final ProviderSettings settings;
    private final URI address;
    private final HttpDelivery http;

    DiscordProvider(ProviderSettings settings) throws DeliveryException {
        this.settings = settings;
        URI base = settings.httpAddress(null);
        String path = base.getPath() == null ? "" : base.getPath();
        this.address = path.endsWith("/slack") ? base : base.resolve(path + "/slack");
        this.http = settings.http();
    }

    @Override
    public String type() {
        return "discord";
    }

    @Override
    public void send(Notification notification) throws DeliveryException {
        http.postJson(address, Json.bytes(SlackPayload.of(notification, settings.channel(), settings.username())), Map.of());
    }
}
