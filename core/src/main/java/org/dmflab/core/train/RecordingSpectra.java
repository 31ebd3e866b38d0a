package org.dmflab.core.train;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import java.util.Arrays;
import org.dmflab.core.linalg.Spectra;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The decompositions at a recorded iteration of the matrix solver, values only (docs/design.md §2): singular values of W and
 * ‖W − Φ‖₂. Where W is symmetric up to rounding — it is in exact arithmetic for a symmetric target and a
 * symmetric start (docs/theory.md §1.4–1.5), but round-off makes it drift — the symmetric eigenproblem of S = (W + Wᵀ)/2
 * replaces the SVD: with W = S + K, Weyl's inequality gives |σᵢ(W) − |λ|₍ᵢ₎(S)| ≤ ‖K‖₂ ≤ ‖K‖_F, and the symmetric route
 * is taken only when ‖K‖_F ≤ {@value #SKEW_TOLERANCE}·‖W‖_F, i.e. at the level of the rounding already in W. Otherwise
 * the values-only SVD runs. LAPACK (OpenBLAS's {@code dsyevd}/{@code dgesdd}, single-threaded, deterministic) when
 * native BLAS is loaded, EJML's values-only decompositions otherwise.
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
            return descending(values);
        }
        if (!NativeBlas.available()) {
            return Spectra.singularValues(w);
        }
        int m = w.numRows;
        int n = w.numCols;
        double[] values = new double[Math.min(m, n)];
        if (values.length == 0) {
            return values;
        }
        // the row-major m×n data read as column-major is Wᵀ (n×m), which has the same singular values: no transpose
        int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'N', n, m, w.data.clone(), n, values, new double[1], 1,
                new double[1], 1);
        if (info != 0) {
            throw new ArithmeticException("the singular value decomposition did not converge (LAPACK dgesdd info "
                    + info + ")");
        }
        return descending(values);
    }

    /** Largest singular value of {@code w} (0 for an empty matrix). */
    static double norm2(DMatrixRMaj w, boolean symmetric) {
        double[] values = singularValues(w, symmetric);
        return values.length == 0 ? 0 : values[0];
    }

    /** Eigenvalues of (W + Wᵀ)/2, in no particular order. */
    private static double[] symmetricEigenvalues(DMatrixRMaj w) {
        int n = w.numRows;
        double[] s = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                s[r * n + c] = 0.5 * (w.data[r * n + c] + w.data[c * n + r]);
            }
        }
        double[] values = new double[n];
        if (NativeBlas.available()) {
            // S is symmetric, so its row-major data is also its column-major data: no transpose in LAPACKE
            int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'U', n, s, n, values);
            if (info != 0) {
                throw new ArithmeticException("the symmetric eigendecomposition did not converge (LAPACK dsyevd info "
                        + info + ")");
            }
            return values;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, s))) {
            throw new ArithmeticException("the symmetric eigendecomposition did not converge");
        }
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        return values;
    }

    private static double[] descending(double[] values) {
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
