package io.sluice.image.pullrequest;

/** The Git host's API refused or failed; the message names the call, its answer and what to check. */
public final class PullRequestException extends Exception {

    public PullRequestException(String message) {
        super(message);
    }
}
