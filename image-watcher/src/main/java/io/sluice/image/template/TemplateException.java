package io.sluice.image.template;

/** A template that cannot be parsed or run; the message says where (the action's text) and why. */
public final class TemplateException extends Exception {

    public TemplateException(String message) {
        super(message);
    }
}
