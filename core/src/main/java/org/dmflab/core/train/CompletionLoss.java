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
     * entries of {@code gradient} are never written: the caller keeps them 0 (a fresh array). Allocates nothing.
     */
    double gather(double[][] w, double[][] gradient) {
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            int r = rows[k];
            int c = columns[k];
            double d = w[r][c] - values[k];
            gradient[r][c] = d;
            sum += d * d;
        }
        return sum;
    }
}
