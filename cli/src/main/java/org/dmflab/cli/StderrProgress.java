package org.dmflab.cli;

import java.io.PrintWriter;
import org.dmflab.core.Progress;
import org.dmflab.core.ProgressEstimate;
import org.dmflab.core.RunCanceledException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress of long runs on stderr, with the elapsed time and the time left ({@link ProgressEstimate}): the latest
 * report is printed once it is two seconds after the previous line (so short runs print nothing), and a stage that
 * reports nothing for a while (an eigendecomposition of a large target) is repeated every ten seconds with the time so
 * far. Announcements ({@link #announce}) are printed at once. The cancel signal is the thread's interrupt flag or a
 * Ctrl-C ({@link Interruption}).
 */
final class StderrProgress implements Progress, AutoCloseable {
    private static final long FIRST_LINE_NANOS = 2_000_000_000L;
    private static final long REPEAT_NANOS = 10_000_000_000L;
    private static final long TICK_MILLIS = 250;

    private final PrintWriter err;
    private final String command;
    private final ProgressEstimate estimate = ProgressEstimate.start();
    private final Thread ticker;
    private long lastLine = System.nanoTime();
    private String latest;
    private double latestFraction;
    private boolean latestPrinted = true;

    StderrProgress(PrintWriter err, String command) {
        this.err = err;
        this.command = command;
        this.ticker = new Thread(this::tick, "dmflab-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The progress of {@code spec}'s command, printing to its stderr. */
    static StderrProgress of(CommandSpec spec, String command) {
        return new StderrProgress(spec.commandLine().getErr(), command);
    }

    @Override
    public synchronized void report(double fraction, String message) {
        latest = message;
        latestFraction = fraction;
        latestPrinted = false;
        estimate.annotate(fraction, message); // every report marks the phases, printed or not
        printIfDue(System.nanoTime());
    }

    @Override
    public synchronized void announce(double fraction, String message) {
        err.println("dmflab " + command + ": " + message);
        err.flush();
        lastLine = System.nanoTime();
    }

    @Override
    public void checkCanceled() {
        if (Thread.currentThread().isInterrupted() || Interruption.requested()) {
            throw new RunCanceledException();
        }
    }

    private synchronized void printIfDue(long now) {
        if (latest == null || Interruption.requested()) {
            return;
        }
        long since = now - lastLine;
        if (!latestPrinted && since >= FIRST_LINE_NANOS || latestPrinted && since >= REPEAT_NANOS) {
            err.println("dmflab " + command + ": " + estimate.annotate(latestFraction, latest));
            err.flush();
            latestPrinted = true;
            lastLine = now;
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(TICK_MILLIS);
                printIfDue(System.nanoTime());
            }
        } catch (InterruptedException stopped) {
            // closed
        }
    }

    /** Stops the ticker; nothing more is printed. */
    @Override
    public synchronized void close() {
        ticker.interrupt();
        latest = null;
    }
}
