package org.dmflab.core;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Elapsed time and an estimate of the time left, added to progress messages, so that the command line and KNIME's
 * progress bar show the same words: {@code "iteration 1200 of 20000, loss 3.1e-2 (6 %, 12 s elapsed, about 3 min
 * left)"}. The estimate extrapolates the current phase linearly. A phase is a run of reports whose messages start
 * alike (the text before the first digit: "iteration ", "reading m.csv: ") with a growing fraction — training, reading
 * a file, writing one; a new kind of message or a falling fraction starts a new phase, measured afresh. So a stage
 * reported once ("eigendecomposition of the 2000×2000 target") shows its elapsed time but never a made-up estimate;
 * and no estimate is given before a phase has run for 1 s, when it would be noise.
 */
public final class ProgressEstimate {
    private static final long NANOS = 1_000_000_000L;
    private static final long MIN_PHASE_NANOS = NANOS;

    private final LongSupplier clock;
    private final long start;
    private long phaseStart;
    private double phaseStartFraction;
    private double lastFraction = -1;
    private String phaseKey;

    private ProgressEstimate(LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
        this.phaseStart = start;
    }

    /** Starts the clock now. */
    public static ProgressEstimate start() {
        return new ProgressEstimate(System::nanoTime);
    }

    /** Starts the clock of {@code nanoClock} (tests). */
    public static ProgressEstimate start(LongSupplier nanoClock) {
        return new ProgressEstimate(nanoClock);
    }

    /** A progress that adds {@link #annotate} to every message of {@code delegate} (same fraction, same cancel). */
    public static Progress timed(Progress delegate) {
        ProgressEstimate estimate = start();
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                delegate.report(fraction, estimate.annotate(fraction, message));
            }

            @Override
            public void announce(double fraction, String message) {
                delegate.announce(fraction, message);
            }

            @Override
            public void checkCanceled() {
                delegate.checkCanceled();
            }
        };
    }

    /** Seconds since the clock started. */
    public double elapsedSeconds() {
        return (clock.getAsLong() - start) / (double) NANOS;
    }

    /**
     * {@code message} with the percentage, the elapsed time and, once the phase has run long enough, the time left.
     * Call it with every report (it tracks the phases).
     */
    public synchronized String annotate(double fraction, String message) {
        long now = clock.getAsLong();
        double done = Math.max(0, Math.min(1, fraction));
        String key = phaseKey(message);
        if (done < lastFraction || !key.equals(phaseKey)) {
            phaseStart = now;
            phaseStartFraction = done;
            phaseKey = key;
        }
        lastFraction = done;
        StringBuilder text = new StringBuilder(message).append(String.format(Locale.ROOT, " (%.0f %%, ", 100 * done))
                .append(duration((now - start) / (double) NANOS)).append(" elapsed");
        long phaseNanos = now - phaseStart;
        double phaseDone = done - phaseStartFraction;
        if (done < 1 && phaseNanos >= MIN_PHASE_NANOS && phaseDone > 0) {
            double left = phaseNanos / (double) NANOS * (1 - done) / phaseDone;
            text.append(", about ").append(duration(left)).append(" left");
        }
        return text.append(')').toString();
    }

    /** The text before the first digit: what kind of report this is. */
    private static String phaseKey(String message) {
        for (int i = 0; i < message.length(); i++) {
            if (Character.isDigit(message.charAt(i))) {
                return message.substring(0, i);
            }
        }
        return message;
    }

    /** A duration for people: {@code 45 s}, {@code 3 min 20 s}, {@code 2 h 5 min}, {@code 3.2 days}, {@code 12 years}. */
    public static String duration(double seconds) {
        if (!(seconds < 1e15)) {
            return "practically forever";
        }
        long whole = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        if (whole < 48 * 3600) {
            return whole / 3600 + " h " + whole % 3600 / 60 + " min";
        }
        double days = seconds / 86400;
        if (days < 730) {
            return String.format(Locale.ROOT, "%.1f days", days);
        }
        return String.format(Locale.ROOT, "%.0f years", days / 365.25);
    }
}
