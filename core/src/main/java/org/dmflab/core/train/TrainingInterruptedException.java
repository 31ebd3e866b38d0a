package org.dmflab.core.train;

import org.dmflab.core.RunCanceledException;

/**
 * A training run cancelled by the user, carrying what it computed: the trace up to and including the last completed
 * iteration k, and the product and factors at k ({@link StopReason#INTERRUPTED}). Callers that keep nothing of a
 * cancelled run (a KNIME node) treat it as any {@link RunCanceledException}; the command line writes the partial
 * result, marked as interrupted.
 */
public final class TrainingInterruptedException extends RunCanceledException {
    private static final long serialVersionUID = 1L;

    private final transient TrainingResult partial;

    TrainingInterruptedException(String where, TrainingResult partial) {
        super(where);
        this.partial = partial;
    }

    /** The run up to the last completed iteration. */
    public TrainingResult partial() {
        return partial;
    }
}
