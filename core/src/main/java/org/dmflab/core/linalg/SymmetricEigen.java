package org.dmflab.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;

/**
 * Eigendecomposition Φ = V Λ Vᵀ of a symmetric matrix (docs/theory.md §1.2), eigenvalues descending. Each eigenvector's
 * sign is fixed so that its entry of largest modulus is positive, which makes the result reproducible.
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

    /** Decomposes {@code symmetric} (not modified). */
    public static SymmetricEigen of(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        if (n != symmetric.numCols) {
            throw new IllegalArgumentException("eigendecomposition needs a square matrix, got "
                    + symmetric.numRows + "x" + symmetric.numCols);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new ArithmeticException("the symmetric eigendecomposition did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.get(i, 0)) > Math.abs(v.get(largest, 0))) {
                    largest = i;
                }
            }
            double sign = v.get(largest, 0) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                vectors.unsafe_set(i, k, sign * v.get(i, 0));
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The spectrum (eigenvalues) of this decomposition. */
    public Spectrum spectrum() {
        return new Spectrum(values, SpectrumKind.EIGENVALUE);
    }
}
