package org.dmflab.core;

/**
 * How long runs report progress and learn of a cancel: KNIME passes its execution monitor through, the command line a
 * stderr reporter. Engines call {@link #checkCanceled()} often enough to stop within 100 ms and {@link #report} at a
 * human rate (implementations may throttle).
 */
public interface Progress {
    /** Ignores reports and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String message) {
        }

        @Override
        public void checkCanceled() {
        }
    };

    /**
     * @param fraction done, in [0, 1]
     * @param message  what is happening, e.g. "iteration 1200 of 20000, loss 3.1e-2"
     */
    void report(double fraction, String message);

    /**
     * A one-off notice the user should see at once, not throttled away, e.g. that the iteration budget implies hours.
     * By default an ordinary report.
     */
    default void announce(double fraction, String message) {
        report(fraction, message);
    }

    /** @throws RunCanceledException if the user asked to stop */
    void checkCanceled();
}
