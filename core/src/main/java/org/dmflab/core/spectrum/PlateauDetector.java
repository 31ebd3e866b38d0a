package org.dmflab.core.spectrum;

import java.util.Optional;

/**
 * Finds where an effective-rank path sits on a plateau level r_eff(Φ_r) (docs/theory.md §7.1): the <b>longest run of
 * consecutive recorded points</b> with |r_eff(W(k)) − level| ≤ tolerance. Length counts recorded points (the earliest
 * run wins a tie), so a run cannot be lengthened by sparse recording; its first and last recorded iterations are the
 * observed plateau. This is the "maximal empirical window" of docs/theory.md §9 (c).
 */
public final class PlateauDetector {
    private PlateauDetector() {
    }

    /**
     * @param iterations the recorded iterations, ascending
     * @param values     the effective rank at each recorded point
     * @return the longest run, or empty if no point lies within the band
     */
    public static Optional<PlateauRun> longestRun(long[] iterations, double[] values, double level, double tolerance) {
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int point = 0; point <= values.length; point++) {
            boolean inside = point < values.length && Math.abs(values[point] - level) <= tolerance;
            if (inside && runStart < 0) {
                runStart = point;
            } else if (!inside && runStart >= 0) {
                int length = point - runStart;
                if (length > bestLength) {
                    bestLength = length;
                    bestStart = runStart;
                }
                runStart = -1;
            }
        }
        if (bestLength == 0) {
            return Optional.empty();
        }
        return Optional.of(new PlateauRun(iterations[bestStart], iterations[bestStart + bestLength - 1], bestLength));
    }
}
