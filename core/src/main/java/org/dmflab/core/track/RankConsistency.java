package org.dmflab.core.track;

import java.util.Locale;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.RankMeasures;

/**
 * Recomputes the effective and stable rank of every recorded point from its {@code sigma_i} columns
 * ({@link RankMeasures}, docs/theory.md §7.1) and checks them against the trace's own {@code effective_rank} and
 * {@code stable_rank} columns. Both come from the same singular values, so they agree to rounding (summation order,
 * ≈1e-15 relative); a disagreement beyond {@link #RELATIVE_TOLERANCE} means the trace was edited or assembled from
 * different runs, and every conclusion drawn from it would be suspect.
 */
public final class RankConsistency {
    /** Allowed |recorded − recomputed| relative to max(1, |recorded|): six orders above rounding, far below any plateau band. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    /** Points between two cancel checks: a few milliseconds of work even for wide traces. */
    static final int CANCEL_CHECK_INTERVAL = 4096;

    private RankConsistency() {
    }

    /** The recomputed ranks, one value per recorded point. */
    public record Trajectories(double[] effectiveRank, double[] stableRank) {
    }

    /** {@link #check(Trace, String, Progress)} without progress or cancel. */
    public static Trajectories check(Trace trace, String source) {
        return check(trace, source, Progress.NONE);
    }

    /**
     * @param source   how the user knows the trace, for messages
     * @param progress asked for a cancel every {@value #CANCEL_CHECK_INTERVAL} points
     * @throws InvalidInputException naming the first iteration and column that disagree
     */
    public static Trajectories check(Trace trace, String source, Progress progress) {
        int size = trace.size();
        double[] effective = new double[size];
        double[] stable = new double[size];
        double[] sigmas = new double[trace.sigmaCount()];
        for (int point = 0; point < size; point++) {
            if (point % CANCEL_CHECK_INTERVAL == 0) {
                progress.checkCanceled();
            }
            for (int i = 0; i < sigmas.length; i++) {
                sigmas[i] = trace.sigma(point, i);
            }
            effective[point] = RankMeasures.effectiveRank(sigmas);
            stable[point] = RankMeasures.stableRank(sigmas);
            requireAgreement(trace.effectiveRank(point), effective[point], trace.iteration(point), Schemas.EFFECTIVE_RANK,
                    "Σσᵢ/σ₁", source);
            requireAgreement(trace.stableRank(point), stable[point], trace.iteration(point), Schemas.STABLE_RANK,
                    "Σσᵢ²/σ₁²", source);
        }
        return new Trajectories(effective, stable);
    }

    private static void requireAgreement(double recorded, double recomputed, long iteration, String column,
                                         String formula, String source) {
        double difference = Math.abs(recorded - recomputed);
        if (difference > RELATIVE_TOLERANCE * Math.max(1, Math.abs(recorded))) {
            throw new InvalidInputException(source + ", iteration " + iteration + ", column '" + column + "'",
                    "records " + recorded + " but the sigma columns give " + recomputed + " (" + formula
                            + "; difference " + String.format(Locale.ROOT, "%.3g", difference)
                            + ", allowed " + RELATIVE_TOLERANCE + " relative): the trace is inconsistent; use the trace "
                            + "as the trainer wrote it");
        }
    }
}
