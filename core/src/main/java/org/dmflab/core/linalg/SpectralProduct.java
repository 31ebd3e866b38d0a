package org.dmflab.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * U diag(d) Vᵀ — the matrix built from its vectors and values: Φ = V diag(λ) Vᵀ for a symmetric target
 * (docs/theory.md §1.2), Φ = U diag(s) Vᵀ for a rectangular one, W_j = V diag(x) Vᵀ for the decoupled factors (§2).
 * The one place this product is written: the columns of U are scaled by d ({@code CommonOps_DDRM.multCols}), then
 * multiplied by Vᵀ — OpenBLAS's {@code dgemm} (single-threaded, deterministic) where it loads and the largest dimension
 * is at least {@link KernelThresholds#NATIVE_FROM}, EJML's {@code multTransB} otherwise; the two agree within rounding.
 */
public final class SpectralProduct {
    private SpectralProduct() {
    }

    /**
     * U diag(d) Vᵀ for U m×p, d of length p and V n×p (neither is modified).
     *
     * @throws IllegalArgumentException if the sizes do not fit
     */
    public static DMatrixRMaj of(DMatrixRMaj left, double[] values, DMatrixRMaj right) {
        if (left.numCols != values.length || right.numCols != values.length) {
            throw new IllegalArgumentException("U is " + left.numRows + "×" + left.numCols + ", d has " + values.length
                    + " values and V is " + right.numRows + "×" + right.numCols + "; U and V need one column per value");
        }
        DMatrixRMaj scaled = left.copy();
        CommonOps_DDRM.multCols(scaled, values);
        if (NativeBlas.usedFor(Math.max(Math.max(left.numRows, right.numRows), values.length))) {
            return Lapack.multTransB(scaled, right);
        }
        DMatrixRMaj product = new DMatrixRMaj(left.numRows, right.numRows);
        CommonOps_DDRM.multTransB(scaled, right, product);
        return product;
    }

    /** V diag(d) Vᵀ for an n×n V. */
    public static DMatrixRMaj symmetric(DMatrixRMaj vectors, double[] values) {
        return of(vectors, values, vectors);
    }
}
