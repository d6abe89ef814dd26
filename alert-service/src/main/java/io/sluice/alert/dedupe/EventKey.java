package io.sluice.alert.dedupe;

import io.sluice.alert.provider.Notification;
import io.sluice.api.meta.ObjectKey;

/**
 * What makes two notifications "the same event": the object, the reason, the message without its
 * volatile parts ({@link MessageNormalizer}) and the revision. Severity follows from the reason;
 * timestamp and metadata are left out.
 */
public record EventKey(ObjectKey object, String reason, String message, String revision) {

    public static EventKey of(Notification notification) {
        return new EventKey(notification.object(), notification.reason(),
                MessageNormalizer.normalize(notification.message()), notification.revision());
    }
}
