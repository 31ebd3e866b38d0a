package org.dmflab.cli;

/** A run that started but could not finish (for example a diverging descent); exit code 3. */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }
}
