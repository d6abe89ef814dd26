package io.sluice.gateway.verify;

/**
 * The request is not from whoever holds the Receiver's token: a signature or token header is missing or wrong.
 * The message is one line, safe to send back and to log: it never contains the token, the expected signature or
 * the body.
 */
public class VerificationException extends Exception {

    public VerificationException(String message) {
        super(message);
    }
}
