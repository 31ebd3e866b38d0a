package org.dmflab.core.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;

/**
 * Computes the spectrum of a matrix as docs/design.md §2 defines it: eigenvalues (descending) for symmetric matrices
 * ({@link Symmetry}), singular values (descending) for all others.
 */
public final class Spectra {
    private Spectra() {
    }

    /** Eigenvalues if {@code matrix} is symmetric, singular values otherwise. */
    public static Spectrum of(DMatrixRMaj matrix) {
        if (Symmetry.isSymmetric(matrix)) {
            DMatrixRMaj symmetric = matrix.copy();
            Symmetry.symmetrizeInPlace(symmetric);
            return SymmetricEigen.of(symmetric).spectrum();
        }
        return new Spectrum(singularValues(matrix), SpectrumKind.SINGULAR_VALUE);
    }

    /** Singular values σ₁ ≥ … ≥ σ_min(m,n) of {@code matrix} (not modified). */
    public static double[] singularValues(DMatrixRMaj matrix) {
        return sortDescending(SingularOps_DDRM.singularValues(matrix.copy()));
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
