package io.sluice.image.scan;

import io.sluice.image.registry.RegistryException;

import java.time.Duration;
import java.util.Optional;

/**
 * A scan that failed in a way the status reports: Flux's reason ({@code AuthenticationFailed},
 * {@code ReadOperationFailed}, {@code ImageURLInvalid}), whether retrying can help ({@code stalled} when only a spec
 * change can), and when the registry asked to be asked again.
 */
final class ScanFailure extends Exception {

    static final String AUTHENTICATION_FAILED = "AuthenticationFailed";
    static final String READ_OPERATION_FAILED = "ReadOperationFailed";
    static final String IMAGE_URL_INVALID = "ImageURLInvalid";

    private final String reason;
    private final boolean stalled;
    private final Duration retryAfter;

    private ScanFailure(String reason, String message, boolean stalled, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.stalled = stalled;
        this.retryAfter = retryAfter;
    }

    static ScanFailure authentication(String message) {
        return new ScanFailure(AUTHENTICATION_FAILED, message, false, null, null);
    }

    static ScanFailure invalidSpec(String reason, String message) {
        return new ScanFailure(reason, message, true, null, null);
    }

    static ScanFailure of(RegistryException e) {
        String reason = e.failure() == RegistryException.Failure.UNAUTHORIZED ? AUTHENTICATION_FAILED : READ_OPERATION_FAILED;
        return new ScanFailure(reason, "scan failed: " + e.getMessage(), false, e.retryAfter().orElse(null), e);
    }

    String reason() {
        return reason;
    }

    boolean stalled() {
        return stalled;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
