package org.dmflab.core.track;

import java.util.Optional;
import org.dmflab.core.theory.PlateauWatch;

/**
 * Finds where an effective-rank path sits on a plateau level (docs/theory.md §7.1, §7.3 "Observed plateaus"): the
 * <b>longest run of consecutive recorded points</b> with |r_eff(W(k)) − level| ≤ tolerance that is long enough to be a
 * plateau. Length counts recorded points (the earliest run wins a tie), so a run cannot be lengthened by sparse
 * recording; its first and last recorded iterations are the observed plateau. This is the "maximal empirical window" of
 * docs/theory.md §9 (c). The runs are the stays of theory's one band scan ({@link PlateauWatch}).
 *
 * <p><b>Minimum extent.</b> A quick crossing of the band is not a plateau: a run counts only with at least
 * {@value #MIN_POINTS} recorded points <i>and</i> an extent of at least {@value #MIN_LOG_FRACTION} of the run on the
 * log-iteration axis, ln((end + 1)/(start + 1)) ≥ {@value #MIN_LOG_FRACTION}·ln(k_last + 1) — for a run of 10⁴
 * iterations a plateau must last about 20 % of its start iteration. A run that lasts to the last recorded point is not
 * a crossing (the recording ends on the plateau) and needs only the points.
 */
public final class PlateauDetector {
    /** The fewest recorded points an observed plateau has. */
    public static final int MIN_POINTS = 3;
    /** The smallest share of the run's log-iteration axis an observed plateau covers. */
    public static final double MIN_LOG_FRACTION = 0.02;

    private PlateauDetector() {
    }

    /**
     * @param iterations the recorded iterations, ascending
     * @param values     the effective rank at each recorded point
     * @return the longest run that is long enough, or empty if there is none
     */
    public static Optional<PlateauRun> longestRun(long[] iterations, double[] values, double level, double tolerance) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double minLogExtent = MIN_LOG_FRACTION * Math.log1p(iterations[iterations.length - 1]);
        int bestStart = -1;
        int bestLength = 0;
        for (PlateauWatch.Stay run : PlateauWatch.stays(values, level, tolerance)) {
            double logExtent = Math.log1p(iterations[run.last()]) - Math.log1p(iterations[run.first()]);
            boolean toTheEnd = run.last() == values.length - 1;
            if (run.length() > bestLength && run.length() >= MIN_POINTS && (logExtent >= minLogExtent || toTheEnd)) {
                bestLength = run.length();
                bestStart = run.first();
            }
        }
        if (bestLength == 0) {
            return Optional.empty();
        }
        return Optional.of(new PlateauRun(iterations[bestStart], iterations[bestStart + bestLength - 1], bestLength));
    }
}
