package io.sluice.gateway.rest;

/** The request body is larger than {@code sluice.gateway.max-body-size}. */
public class BodyTooLargeException extends Exception {

    public BodyTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
