package org.dmflab.core.experiment.preset;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.dynamics.DeterminantSign;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.train.RecordSchedule;
import org.dmflab.core.train.SolverKind;
import org.dmflab.core.train.TrainSettings;

/**
 * Typed builders of a preset run's settings: each setting by name with its own type, never a positional string, written
 * as the docs/design.md §3 text the command line would take (in the order the setters are called, which is the order
 * of the report's settings table). Numbers are written in their shortest form ({@code 0.01}, {@code 1e-10}).
 */
final class RunSettings {
    private RunSettings() {
    }

    /** The shortest text of a number: {@code 8}, {@code 0.25}, {@code 1e-10}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toString().toLowerCase(Locale.ROOT);
    }

    /** The Deep Factorization Trainer's settings of a run. */
    static final class Train {
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Train put(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Starts with the depth N. */
        static Train depth(int depth) {
            return new Train().put(TrainSettings.DEPTH, Integer.toString(depth));
        }

        Train step(double step) {
            return put(TrainSettings.STEP, Double.toString(step));
        }

        /** The step rounded to {@code digits} significant digits, as written (e.g. {@code 0.0100}). */
        Train step(double step, int digits) {
            return put(TrainSettings.STEP, String.format(Locale.ROOT, "%." + digits + "g", step));
        }

        Train init(Initialization init) {
            return put(TrainSettings.INIT, init.key());
        }

        Train alpha(double alpha) {
            return put(TrainSettings.ALPHA, number(alpha));
        }

        Train beta(double beta) {
            return put(TrainSettings.BETA, number(beta));
        }

        Train sigma(double sigma) {
            return put(TrainSettings.SIGMA, Double.toString(sigma));
        }

        Train seed(long seed) {
            return put(TrainSettings.SEED, Long.toString(seed));
        }

        /** The sign of det W(0) a Gaussian start is conditioned on. */
        Train determinant(DeterminantSign sign) {
            return put(TrainSettings.DETERMINANT, sign.key());
        }

        Train iterations(long iterations) {
            return put(TrainSettings.ITERATIONS, Long.toString(iterations));
        }

        Train tolerance(double tolerance) {
            return put(TrainSettings.TOLERANCE, number(tolerance));
        }

        Train record(RecordSchedule record) {
            return put(TrainSettings.RECORD, record.text());
        }

        Train solver(SolverKind solver) {
            return put(TrainSettings.SOLVER, solver.key());
        }

        Train loss(LossKind loss) {
            return put(TrainSettings.LOSS, loss.key());
        }

        Train width(int width) {
            return put(TrainSettings.WIDTH, Integer.toString(width));
        }

        /** The settings, in the order set. */
        Map<String, String> build() {
            return new LinkedHashMap<>(settings);
        }
    }

    /** The Spectrum Tracker's settings: ε = 0.01, plateau tolerance 0.05 unless set, the x axis as given. */
    static Map<String, String> track(boolean logX) {
        return track(0.05, logX);
    }

    /** The Spectrum Tracker's settings with another plateau tolerance. */
    static Map<String, String> track(double plateauTolerance, boolean logX) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TrackSettings.EPSILON, number(0.01));
        settings.put(TrackSettings.PLATEAU_TOLERANCE, number(plateauTolerance));
        settings.put(TrackSettings.LOG_X, Boolean.toString(logX));
        return settings;
    }
}
