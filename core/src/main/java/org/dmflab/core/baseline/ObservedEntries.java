package org.dmflab.core.baseline;

import org.dmflab.core.model.Observations;
import org.ejml.data.DMatrixRMaj;

/**
 * Matrix completion's constraint W_ij = y_ij for the observed (i, j) ∈ Ω (docs/theory.md §8.4). Its projection replaces
 * the observed entries by their values and keeps the others; 𝒜 has orthonormal rows, so this is exact.
 */
public record ObservedEntries(Observations observations) implements AffineConstraint {

    @Override
    public int rows() {
        return observations.rows();
    }

    @Override
    public int cols() {
        return observations.cols();
    }

    @Override
    public DMatrixRMaj project(DMatrixRMaj point) {
        DMatrixRMaj projected = point.copy();
        int[] row = observations.row();
        int[] column = observations.column();
        double[] values = observations.values();
        for (int k = 0; k < values.length; k++) {
            projected.unsafe_set(row[k], column[k], values[k]);
        }
        return projected;
    }

    @Override
    public double residual(DMatrixRMaj matrix) {
        int[] row = observations.row();
        int[] column = observations.column();
        double[] values = observations.values();
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            double difference = matrix.unsafe_get(row[k], column[k]) - values[k];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }

    @Override
    public double dataNorm() {
        double sum = 0;
        for (double value : observations.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    @Override
    public String description() {
        return observations.count() + " observed entries of a " + rows() + "×" + cols() + " matrix";
    }
}
