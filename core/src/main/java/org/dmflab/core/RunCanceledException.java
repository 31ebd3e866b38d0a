package org.dmflab.core;

/** Thrown by {@link Progress#checkCanceled()} when the user cancelled; nothing of the run's output is kept. */
public final class RunCanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCanceledException() {
        super("cancelled");
    }
}
