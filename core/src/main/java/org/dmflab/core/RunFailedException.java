package org.dmflab.core;

/**
 * A run that started but could not finish, for example a diverging gradient descent. The message says what happened
 * and what to change (iteration, loss, the admissible step size). The command line exits with code 3.
 */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }
}
