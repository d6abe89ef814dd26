package io.sluice.alert.provider;

import io.sluice.api.notification.Provider;

/** Builds the {@link NotificationProvider} for a Provider object and its Secret. */
public final class NotificationProviders {

    private NotificationProviders() {
    }

    /**
     * @param secret the decoded data of {@code spec.secretRef}; {@link ProviderSecret#NONE} when it has none
     * @throws DeliveryException (not retryable) when the type is unknown or the spec and Secret lack
     *                           something the type needs; the message names the Provider and the field
     */
    public static NotificationProvider create(Provider provider, ProviderSecret secret) throws DeliveryException {
        ProviderSettings settings = ProviderSettings.of(provider, secret);
        return switch (settings.type()) {
            case "slack" -> new SlackProvider(settings);
            case "discord" -> new DiscordProvider(settings);
            case "msteams" -> new MsTeamsProvider(settings);
            case "googlechat" -> new GoogleChatProvider(settings);
            case "generic" -> new GenericProvider(settings);
            case "generic-hmac" -> new GenericHmacProvider(settings);
            case "email" -> new EmailProvider(settings);
            case "github" -> new GitHubProvider(settings);
            case "gitlab" -> new GitLabProvider(settings);
            default -> throw DeliveryException.permanent(settings.provider() + ": spec.type '" + settings.type()
                    + "' is not supported yet; use slack, msteams, discord, googlechat, generic, generic-hmac, email, github or gitlab");
        };
    }
}
