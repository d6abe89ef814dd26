package io.sluice.alert.provider;

import java.util.Optional;

/**
 * Sends notifications to one kind of receiver. The set is closed: one class per Provider
 * {@code spec.type} that Sluice supports; {@link NotificationProviders#create} picks it.
 */
public sealed interface NotificationProvider
        permits SlackProvider, DiscordProvider, MsTeamsProvider, GoogleChatProvider, GenericProvider,
        GenericHmacProvider, EmailProvider, GitHubProvider, GitLabProvider {

    /** The Provider {@code spec.type} this class implements, e.g. {@code slack}. */
    String type();

    /**
     * Why this Provider has nothing to send for a notification (e.g. a commit status without a commit),
     * or empty when it sends it. Skipped notifications are not errors: they are logged at DEBUG.
     */
    default Optional<String> skipReason(Notification notification) {
        return Optional.empty();
    }

    /**
     * Delivers one notification, blocking until the receiver answered or the Provider's timeout ran out.
     *
     * @throws DeliveryException with {@link DeliveryException#retryable()} telling the caller whether to retry
     */
    void send(Notification notification) throws DeliveryException;
}
