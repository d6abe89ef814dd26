package io.sluice.image.policy;

/** The policy cannot pick a tag from these candidates (a numerical policy meeting a tag that is not a number). */
public final class PolicyException extends Exception {

    public PolicyException(String message) {
        super(message);
    }
}
