package org.dmflab.core.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;

/**
 * Computes the spectrum of a matrix as docs/design.md §2 defines it: eigenvalues (descending) for symmetric matrices
 * ({@link Symmetry}), singular values (descending) for all others. Values only, never vectors: LAPACK's
 * {@code dsyevd}/{@code dgesdd} with jobz = 'N' ({@link Lapack}) where OpenBLAS loads and the largest dimension is at
 * least {@link KernelThresholds#NATIVE_FROM}, EJML's values-only decompositions otherwise. The generator, the
 * tracker, the
 * bound predictor and the matrix solver's recorded iterations all take their values from here.
 */
public final class Spectra {
    private Spectra() {
    }

    /** Eigenvalues if {@code matrix} is symmetric, singular values otherwise. */
    public static Spectrum of(DMatrixRMaj matrix) {
        if (Symmetry.isSymmetric(matrix)) {
            DMatrixRMaj symmetric = matrix.copy();
            Symmetry.symmetrizeInPlace(symmetric);
            return new Spectrum(symmetricEigenvalues(symmetric), SpectrumKind.EIGENVALUE);
        }
        return new Spectrum(singularValues(matrix), SpectrumKind.SINGULAR_VALUE);
    }

    /** Eigenvalues λ₁ ≥ … ≥ λₙ of the exactly symmetric {@code symmetric} (not modified). */
    public static double[] symmetricEigenvalues(DMatrixRMaj symmetric) {
        return symmetricEigenvalues(symmetric, NativeBlas.usedFor(symmetric.numRows));
    }

    /** Singular values σ₁ ≥ … ≥ σ_min(m,n) of {@code matrix} (not modified). */
    public static double[] singularValues(DMatrixRMaj matrix) {
        return singularValues(matrix, NativeBlas.usedFor(Math.max(matrix.numRows, matrix.numCols)));
    }

    /** {@link #symmetricEigenvalues(DMatrixRMaj)} on LAPACK ({@code lapack}, OpenBLAS must be loaded) or EJML. */
    static double[] symmetricEigenvalues(DMatrixRMaj symmetric, boolean lapack) {
        int n = symmetric.numRows;
        if (n != symmetric.numCols) {
            throw new IllegalArgumentException("eigenvalues need a square matrix, got " + n + "x" + symmetric.numCols);
        }
        if (lapack) {
            return sortDescending(Lapack.symmetricEigenvalues(symmetric));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new ArithmeticException("the symmetric eigendecomposition did not converge");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        return sortDescending(values);
    }

    /** {@link #singularValues(DMatrixRMaj)} on LAPACK ({@code lapack}, OpenBLAS must be loaded) or EJML. */
    static double[] singularValues(DMatrixRMaj matrix, boolean lapack) {
        return sortDescending(lapack ? Lapack.singularValues(matrix) : SingularOps_DDRM.singularValues(matrix.copy()));
    }

    /** Sorts {@code values} in place, largest first, and returns them. */
    public static double[] sortDescending(double[] values) {
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
