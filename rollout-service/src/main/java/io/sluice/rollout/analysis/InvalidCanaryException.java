package io.sluice.rollout.analysis;

/** A Canary's spec that cannot be analysed; the message names the field and says what is wrong. */
public class InvalidCanaryException extends RuntimeException {

    public InvalidCanaryException(String message) {
        super(message);
    }
}
