package org.dmflab.core.track;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Tests the paper's central claim about the effective rank (docs/theory.md §7.1 [TEXT]): after a few steps it drops to its
 * first minimum and from then on increases monotonically through the plateaus.
 *
 * <p><b>Definitions.</b> With the rounding tolerance τ = {@link #TOLERANCE}:
 * <ul>
 *   <li>the <i>first minimum</i> is the running minimum of the path at the first point that lies more than τ above
 *       it (the first real rise); if the path never rises by more than τ, it is the global minimum's first point;</li>
 *   <li>a <i>drop</i> at a later point is the running maximum since the first minimum minus the value there. Comparing
 *       with the running maximum, not just the previous point, also catches a slow drift downwards made of many small
 *       steps. The {@link #largestDrop() largest drop} is reported;</li>
 *   <li>the path is <i>monotone</i> if the largest drop is at most {@link #READER_TOLERANCE}, and exactly monotone if it
 *       is at most τ.</li>
 * </ul>
 * τ = 1e-9 effective-rank units: far above the rounding of Σσᵢ/σ₁ (≈1e-15 per unit of rank for exact spectral
 * traces, ≈1e-13 for SVD-based ones). Floating-point runs on targets with equal eigenvalues (e.g. Φ = I) drift by
 * 1e-8 … 1e-6 through round-off in the factors; the reader's tolerance 1e-4 lies below the four decimals the tracker
 * prints and below what a chart of the effective rank can show, and far above that drift.
 *
 * @param monotone               whether the largest drop is at most {@link #READER_TOLERANCE}
 * @param firstMinimumIteration  the iteration of the first minimum
 * @param firstMinimum           the effective rank there
 * @param firstViolation         the first iteration whose drop exceeds {@link #READER_TOLERANCE}, if any
 * @param largestDrop            the largest drop after the first minimum (0 if none)
 * @param largestDropIteration   the iteration of the largest drop, if it exceeds τ
 */
public record Monotonicity(boolean monotone, long firstMinimumIteration, double firstMinimum,
                           OptionalLong firstViolation, double largestDrop, OptionalLong largestDropIteration) {
    /** The rounding tolerance τ of the definitions above. */
    public static final double TOLERANCE = 1e-9;
    /** The largest drop that still counts as monotone for a reader (definitions above). */
    public static final double READER_TOLERANCE = 1e-4;
    private static final String READER_TOLERANCE_TEXT = "1e-4";

    /**
     * @param iterations recorded iterations, ascending (at least one)
     * @param values     the effective rank at each point
     */
    public static Monotonicity of(long[] iterations, double[] values) {
        int minimum = 0;
        int point = 1;
        while (point < values.length && values[point] <= values[minimum] + TOLERANCE) {
            if (values[point] < values[minimum]) {
                minimum = point;
            }
            point++;
        }
        double runningMax = values[minimum];
        double largestDrop = 0;
        OptionalLong largestAt = OptionalLong.empty();
        OptionalLong firstViolation = OptionalLong.empty();
        for (int later = minimum + 1; later < values.length; later++) {
            double drop = runningMax - values[later];
            if (drop > largestDrop) {
                largestDrop = drop;
                largestAt = drop > TOLERANCE ? OptionalLong.of(iterations[later]) : OptionalLong.empty();
            }
            if (drop > READER_TOLERANCE && firstViolation.isEmpty()) {
                firstViolation = OptionalLong.of(iterations[later]);
            }
            runningMax = Math.max(runningMax, values[later]);
        }
        return new Monotonicity(firstViolation.isEmpty(), iterations[minimum], values[minimum], firstViolation,
                largestDrop, largestAt);
    }

    /** The verdict in words: "yes", "yes, up to 9.3e-07 …" or "no, …". */
    public String verdict() {
        if (largestDrop <= TOLERANCE) {
            return "yes";
        }
        String drop = String.format(Locale.ROOT, "largest drop %.2g at iteration %d", largestDrop,
                largestDropIteration.getAsLong());
        return monotone
                ? String.format(Locale.ROOT, "yes, up to %.2g (%s; within the tolerance %s, docs/theory.md §7.1)",
                largestDrop, drop, READER_TOLERANCE_TEXT)
                : String.format(Locale.ROOT, "no, first drop beyond %s at iteration %d; %s", READER_TOLERANCE_TEXT,
                firstViolation.getAsLong(), drop);
    }
}
