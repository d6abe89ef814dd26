package io.sluice.alert.routing;

import io.sluice.alert.provider.NotificationProvider;
import io.sluice.api.meta.ObjectKey;

/**
 * Where one Alert's notifications go: its Provider, ready to send.
 *
 * @param provider e.g. {@code Provider/flux-system/slack}
 * @param sender   built from the Provider's spec and Secret as they were when the table was built
 */
public record Route(ObjectKey provider, NotificationProvider sender) {

    public String type() {
        return sender.type();
    }
}
