package io.sluice.source.git;

/** The local clone lost objects it should have; thrown so that the fetch starts over once from an empty clone. */
final class DamagedCloneException extends Exception {

    DamagedCloneException(Throwable cause) {
        super(cause);
    }
}
