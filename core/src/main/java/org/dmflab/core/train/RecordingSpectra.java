package org.dmflab.core.train;

import org.dmflab.core.linalg.Spectra;
import org.ejml.data.DMatrixRMaj;

/**
 * The decompositions at a recorded iteration of the matrix solver, values only (docs/design.md §2): singular values of W and
 * ‖W − Φ‖₂. Where W is symmetric up to rounding — it is in exact arithmetic for a symmetric target and a
 * symmetric start (docs/theory.md §1.4–1.5), but round-off makes it drift — the symmetric eigenproblem of S = (W + Wᵀ)/2
 * replaces the SVD: with W = S + K, Weyl's inequality gives |σᵢ(W) − |λ|₍ᵢ₎(S)| ≤ ‖K‖₂ ≤ ‖K‖_F, and the symmetric route
 * is taken only when ‖K‖_F ≤ {@value #SKEW_TOLERANCE}·‖W‖_F, i.e. at the level of the rounding already in W. Otherwise
 * the values-only SVD runs. Both come from {@link Spectra} (LAPACK's values-only {@code dsyevd}/{@code dgesdd} from
 * the native threshold on where OpenBLAS loads, EJML's values-only decompositions otherwise).
 */
final class RecordingSpectra {
    /** Relative size of W's skew part below which the symmetric eigenproblem gives W's singular values. */
    static final double SKEW_TOLERANCE = 1e-13;

    private RecordingSpectra() {
    }

    /** Whether ‖(W − Wᵀ)/2‖_F ≤ {@value #SKEW_TOLERANCE}·‖W‖_F (square W only). */
    static boolean nearlySymmetric(DMatrixRMaj w) {
        if (w.numRows != w.numCols) {
            return false;
        }
        int n = w.numRows;
        double skew = 0;
        double total = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = w.data[r * n + c];
                total += x * x;
                if (c > r) {
                    double k = 0.5 * (x - w.data[c * n + r]);
                    skew += 2 * k * k;
                }
            }
        }
        return skew <= SKEW_TOLERANCE * SKEW_TOLERANCE * total;
    }

    /** Singular values of {@code w}, descending; through |λ((W + Wᵀ)/2)| when {@code symmetric}. */
    static double[] singularValues(DMatrixRMaj w, boolean symmetric) {
        if (symmetric) {
            double[] values = symmetricEigenvalues(w);
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.abs(values[i]);
            }
            return Spectra.sortDescending(values);
        }
        return Spectra.singularValues(w);
    }

    /** Largest singular value of {@code w} (0 for an empty matrix). */
    static double norm2(DMatrixRMaj w, boolean symmetric) {
        double[] values = singularValues(w, symmetric);
        return values.length == 0 ? 0 : values[0];
    }

    /** Eigenvalues of (W + Wᵀ)/2. */
    private static double[] symmetricEigenvalues(DMatrixRMaj w) {
        int n = w.numRows;
        double[] s = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                s[r * n + c] = 0.5 * (w.data[r * n + c] + w.data[c * n + r]);
            }
        }
        return Spectra.symmetricEigenvalues(new DMatrixRMaj(n, n, true, s));
    }

}
