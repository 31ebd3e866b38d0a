package org.dmflab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.dmflab.core.Progress;
import org.dmflab.core.RunCanceledException;

/**
 * Progress of long runs on stderr, at most one line every two seconds, and the thread's interrupt flag as the cancel
 * signal. Short runs print nothing.
 */
final class StderrProgress implements Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String command;
    private long nextReport;

    StderrProgress(PrintWriter err, String command) {
        this.err = err;
        this.command = command;
        this.nextReport = System.nanoTime() + INTERVAL_NANOS;
    }

    @Override
    public void report(double fraction, String message) {
        long now = System.nanoTime();
        if (now >= nextReport) {
            nextReport = now + INTERVAL_NANOS;
            err.printf(Locale.ROOT, "dmflab %s: %3.0f%% %s%n", command, 100 * fraction, message);
            err.flush();
        }
    }

    @Override
    public void checkCanceled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCanceledException();
        }
    }
}
