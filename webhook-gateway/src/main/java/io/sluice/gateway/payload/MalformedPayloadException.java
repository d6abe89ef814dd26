package io.sluice.gateway.payload;

/**
 * The body is not the JSON the sender's type should send, or lacks a field the gateway needs. The message is one
 * line naming the sender and the field; it never quotes the body.
 */
public class MalformedPayloadException extends Exception {

    public MalformedPayloadException(String message) {
        super(message);
    }
}
