package io.sluice.cli;

/**
 * A command could not do its job for a reason the user can act on (an unreachable cluster, an object that does not
 * exist, a timeout). The message is printed as it is, so it says what went wrong, where, and what to do.
 */
public final class CliFailure extends RuntimeException {

    /** Exit code of a command that failed this way; 2 stays picocli's "bad command line". */
    public static final int EXIT_CODE = 1;

    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
