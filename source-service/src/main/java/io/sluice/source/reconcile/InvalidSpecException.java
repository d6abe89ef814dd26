package io.sluice.source.reconcile;

import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;

import java.time.Duration;

/** A spec that retrying cannot fix: the source object is Stalled until its spec changes. */
public final class InvalidSpecException extends RuntimeException {

    private final String reason;

    /** Flux's {@code InvalidSpec}. */
    InvalidSpecException(String message) {
        this(Reasons.INVALID_SPEC, message);
    }

    /** @param reason the condition reason Flux gives this mistake, e.g. {@code URLInvalid} */
    InvalidSpecException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /**
     * {@code spec.interval} read with Go's syntax; missing, zero or negative: {@code defaultInterval}.
     *
     * @throws InvalidSpecException naming the field and the object when it cannot be read
     */
    static Duration interval(String text, ObjectKey key, Duration defaultInterval) {
        Duration interval = duration(text, "spec.interval", key, defaultInterval);
        return interval.isZero() || interval.isNegative() ? defaultInterval : interval;
    }

    /**
     * A duration field read with Go's syntax ({@code 1m30s}); missing: {@code fallback}.
     *
     * @throws InvalidSpecException naming the field and the object when it cannot be read
     */
    static Duration duration(String text, String field, ObjectKey key, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return FluxDuration.parse(text, field + " of " + key.kind() + " " + key.namespace() + "/" + key.name());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
    }
}
