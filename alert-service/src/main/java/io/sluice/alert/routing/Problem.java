package io.sluice.alert.routing;

import io.sluice.api.meta.ObjectKey;

/**
 * An Alert or Provider that cannot be used as written, and why (the message names the object and the
 * field, and says what to do; it never contains a secret value).
 *
 * @param object e.g. {@code Alert/flux-system/on-call}
 * @param reason {@code InvalidAlert} or {@code InvalidProvider}: the reason of the error event about it
 */
public record Problem(ObjectKey object, String reason, String message) {

    public static final String INVALID_ALERT = "InvalidAlert";
    public static final String INVALID_PROVIDER = "InvalidProvider";
}
