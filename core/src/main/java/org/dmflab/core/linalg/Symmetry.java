package org.dmflab.core.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Decides whether a matrix is symmetric. Symmetric targets get the eigenvalue-based theory (docs/theory.md §2); all others
 * singular values. The test is relative: |Φᵢⱼ − Φⱼᵢ| ≤ 1e-12·max|Φ|, which accepts matrices that are symmetric up to the
 * rounding of their construction (V diag(λ) Vᵀ in floating point) but no deliberately asymmetric noise.
 */
public final class Symmetry {
    /** Relative tolerance of {@link #isSymmetric}. */
    public static final double RELATIVE_TOLERANCE = 1e-12;

    private Symmetry() {
    }

    public static boolean isSymmetric(DMatrixRMaj matrix) {
        if (matrix.numRows != matrix.numCols) {
            return false;
        }
        double scale = 0;
        for (int k = 0; k < matrix.getNumElements(); k++) {
            scale = Math.max(scale, Math.abs(matrix.data[k]));
        }
        double tolerance = RELATIVE_TOLERANCE * scale;
        int n = matrix.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(matrix.unsafe_get(i, j) - matrix.unsafe_get(j, i)) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Replaces {@code matrix} (square) by (M + Mᵀ)/2 in place, so that it is exactly symmetric. */
    public static void symmetrizeInPlace(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = 0.5 * (matrix.unsafe_get(i, j) + matrix.unsafe_get(j, i));
                matrix.unsafe_set(i, j, mean);
                matrix.unsafe_set(j, i, mean);
            }
        }
    }
}
