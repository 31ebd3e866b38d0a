package org.dmflab.core.train;

import org.dmflab.core.groundtruth.Observations;

/**
 * The matrix-completion loss ½ Σ_{(i,j) observed} (W_ij − y_ij)² (docs/theory.md §8.3) by gathering the observed
 * entries: O(M) per step for the residual, whose gradient ∂L/∂W is the residual at the observed entries and 0
 * elsewhere. The solver's dense products then carry it to the factors, as for the full loss.
 */
final class CompletionLoss {
    private final int[] rows;
    private final int[] columns;
    private final double[] values;

    CompletionLoss(Observations observations) {
        rows = observations.row();
        columns = observations.column();
        values = observations.values();
    }

    /**
     * Writes G_ij = W_ij − y_ij at every observed entry of {@code gradient} and returns Σ (W_ij − y_ij)². The other
     * entries of {@code gradient} are never written: the caller keeps them 0 (a freshly allocated matrix). Allocates
     * nothing.
     */
    double gather(StepArithmetic arithmetic, StepArithmetic.Dense w, StepArithmetic.Dense gradient) {
        return arithmetic.gather(w, rows, columns, values, gradient);
    }
}
