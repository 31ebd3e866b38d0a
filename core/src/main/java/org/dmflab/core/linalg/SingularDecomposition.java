package org.dmflab.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Compact singular value decomposition A = U diag(s) Vᵀ of an m×n matrix, k = min(m, n) values, descending: LAPACK's
 * {@code dgesdd} where OpenBLAS loads and the largest dimension is at least {@link KernelThresholds#NATIVE_FROM}, EJML's
 * otherwise (the nuclear-norm baseline's singular value thresholding, docs/theory.md §8.4). Signs of the vector pairs
 * are as the routine returns them; only products U diag(d) Vᵀ are meant to be used.
 *
 * @param left   U, m×k with orthonormal columns
 * @param values s₁ ≥ … ≥ s_k ≥ 0
 * @param right  V, n×k with orthonormal columns
 */
public record SingularDecomposition(DMatrixRMaj left, double[] values, DMatrixRMaj right) {

    public SingularDecomposition {
        left = left.copy();
        values = values.clone();
        right = right.copy();
    }

    @Override
    public DMatrixRMaj left() {
        return left.copy();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public DMatrixRMaj right() {
        return right.copy();
    }

    /** Decomposes {@code matrix} (not modified). */
    public static SingularDecomposition of(DMatrixRMaj matrix) {
        return of(matrix, NativeBlas.usedFor(Math.max(matrix.numRows, matrix.numCols)));
    }

    /** {@link #of(DMatrixRMaj)} on LAPACK ({@code lapack}, OpenBLAS must be loaded) or EJML. */
    static SingularDecomposition of(DMatrixRMaj matrix, boolean lapack) {
        int m = matrix.numRows;
        int n = matrix.numCols;
        int k = Math.min(m, n);
        if (lapack) {
            double[] values = new double[k];
            double[][] vectors = Lapack.singularDecomposition(matrix, values);
            DMatrixRMaj right = new DMatrixRMaj(n, k);
            CommonOps_DDRM.transpose(DMatrixRMaj.wrap(k, n, vectors[1]), right);
            return new SingularDecomposition(DMatrixRMaj.wrap(m, k, vectors[0]), values, right);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(matrix.copy())) {
            throw new ArithmeticException("the singular value decomposition did not converge");
        }
        DMatrixRMaj left = svd.getU(null, false);
        DMatrixRMaj right = svd.getV(null, false);
        double[] raw = svd.getSingularValues();
        // EJML leaves the values unordered: sort them, and the vector pairs with them
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        DMatrixRMaj sortedLeft = new DMatrixRMaj(m, k);
        DMatrixRMaj sortedRight = new DMatrixRMaj(n, k);
        double[] values = new double[k];
        for (int c = 0; c < k; c++) {
            values[c] = raw[order[c]];
            for (int r = 0; r < m; r++) {
                sortedLeft.unsafe_set(r, c, left.unsafe_get(r, order[c]));
            }
            for (int r = 0; r < n; r++) {
                sortedRight.unsafe_set(r, c, right.unsafe_get(r, order[c]));
            }
        }
        return new SingularDecomposition(sortedLeft, values, sortedRight);
    }
}
