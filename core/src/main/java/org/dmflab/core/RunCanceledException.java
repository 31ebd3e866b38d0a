package org.dmflab.core;

/**
 * Thrown by {@link Progress#checkCanceled()} when the user cancelled; nothing of the run's output is kept, unless a
 * subclass carries what was computed up to the cancel (a training run's trace and product).
 */
public class RunCanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String where;

    public RunCanceledException() {
        this("");
    }

    /** @param where where the run stopped, e.g. {@code "at iteration 1200 of 20000"}; empty if unknown */
    public RunCanceledException(String where) {
        super(where.isEmpty() ? "cancelled" : "cancelled " + where);
        this.where = where;
    }

    /** Where the run stopped, e.g. {@code "at iteration 1200 of 20000"}; empty if unknown. */
    public String where() {
        return where;
    }
}
