package org.dmflab.core.spectrum;

import java.util.OptionalLong;

/**
 * Tests the paper's central claim about the effective rank (docs/theory.md §7.1 [TEXT]): after a few steps it drops to its
 * first minimum and from then on increases monotonically through the plateaus.
 *
 * <p><b>Definitions.</b> With tolerance τ = {@link #TOLERANCE}:
 * <ul>
 *   <li>the <i>first minimum</i> is the running minimum of the path at the first point that lies more than τ above
 *       it (the first real rise); if the path never rises by more than τ, it is the global minimum's first point;</li>
 *   <li>the path is <i>monotone after its first minimum</i> if every later point is at least the running maximum
 *       since the first minimum minus τ. Comparing with the running maximum, not just the previous point, also
 *       catches a slow drift downwards made of many small steps.</li>
 * </ul>
 * τ = 1e-9 effective-rank units: far above the rounding of Σσᵢ/σ₁ (≈1e-15 per unit of rank for exact spectral
 * traces, ≈1e-13 for SVD-based ones) and far below any visible change.
 *
 * @param monotone               whether the path is non-decreasing (up to τ) after its first minimum
 * @param firstMinimumIteration  the iteration of the first minimum
 * @param firstMinimum           the effective rank there
 * @param firstViolation         the first iteration that breaks monotonicity, if any
 */
public record Monotonicity(boolean monotone, long firstMinimumIteration, double firstMinimum,
                           OptionalLong firstViolation) {
    /** The tolerance τ of the definitions above. */
    public static final double TOLERANCE = 1e-9;

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
        for (int later = minimum + 1; later < values.length; later++) {
            if (values[later] < runningMax - TOLERANCE) {
                return new Monotonicity(false, iterations[minimum], values[minimum], OptionalLong.of(iterations[later]));
            }
            runningMax = Math.max(runningMax, values[later]);
        }
        return new Monotonicity(true, iterations[minimum], values[minimum], OptionalLong.empty());
    }
}
