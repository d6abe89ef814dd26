package io.sluice.alert.provider;

/**
 * Sends notifications to one kind of receiver. The set is closed: one class per Provider
 * {@code spec.type} that Sluice supports; {@link NotificationProviders#create} picks it.
 */
public sealed interface NotificationProvider
        permits SlackProvider, DiscordProvider, MsTeamsProvider, GoogleChatProvider, GenericProvider,
        GenericHmacProvider, EmailProvider {

    /** The Provider {@code spec.type} this class implements, e.g. {@code slack}. */
    String type();

    /**
     * Delivers one notification, blocking until the receiver answered or the Provider's timeout ran out.
     *
     * @throws DeliveryException with {@link DeliveryException#retryable()} telling the caller whether to retry
     */
    void send(Notification notification) throws DeliveryException;
}
