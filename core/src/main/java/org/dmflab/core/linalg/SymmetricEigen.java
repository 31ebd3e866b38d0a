package org.dmflab.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;

/**
 * Eigendecomposition Φ = V Λ Vᵀ of a symmetric matrix (docs/theory.md §1.2), eigenvalues descending. Each eigenvector's
 * sign is fixed so that its entry of largest modulus is positive (the first such entry on a tie), which makes the result
 * reproducible and the same on LAPACK and EJML (up to rounding; for a repeated eigenvalue the basis of its eigenspace
 * may differ).
 *
 * @param values  eigenvalues λ₁ ≥ … ≥ λₙ
 * @param vectors orthogonal V, column i is the eigenvector of values[i]
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

    public SymmetricEigen {
        values = values.clone();
        vectors = vectors.copy();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public DMatrixRMaj vectors() {
        return vectors.copy();
    }

    /**
     * Decomposes {@code symmetric} (not modified): LAPACK's {@code dsyevd} where OpenBLAS loads and n ≥
     * {@link KernelThresholds#NATIVE_FROM}, EJML's symmetric QR algorithm otherwise.
     */
    public static SymmetricEigen of(DMatrixRMaj symmetric) {
        return of(symmetric, NativeBlas.usedFor(symmetric.numRows));
    }

    /** {@link #of(DMatrixRMaj)} on LAPACK ({@code lapack}, OpenBLAS must be loaded) or EJML. */
    static SymmetricEigen of(DMatrixRMaj symmetric, boolean lapack) {
        int n = symmetric.numRows;
        if (n != symmetric.numCols) {
            throw new IllegalArgumentException("eigendecomposition needs a square matrix, got "
                    + symmetric.numRows + "x" + symmetric.numCols);
        }
        double[] raw = new double[n];
        // row k of the row-major array: the eigenvector of raw[k]
        double[] rows;
        if (lapack) {
            rows = Lapack.symmetricEigen(symmetric, raw);
        } else {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            if (!eig.decompose(symmetric.copy())) {
                throw new ArithmeticException("the symmetric eigendecomposition did not converge");
            }
            rows = new double[n * n];
            for (int k = 0; k < n; k++) {
                raw[k] = eig.getEigenvalue(k).real;
                System.arraycopy(eig.getEigenVector(k).data, 0, rows, k * n, n);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            int from = order[k] * n;
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(rows[from + i]) > Math.abs(rows[from + largest])) {
                    largest = i;
                }
            }
            double sign = rows[from + largest] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                vectors.data[i * n + k] = sign * rows[from + i];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The spectrum (eigenvalues) of this decomposition. */
    public Spectrum spectrum() {
        return new Spectrum(values, SpectrumKind.EIGENVALUE);
    }
}
