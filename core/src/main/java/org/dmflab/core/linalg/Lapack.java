package org.dmflab.core.linalg;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgeqrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dorgqr;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import org.ejml.data.DMatrixRMaj;

/**
 * The O(n³) operations of {@code linalg} on OpenBLAS's LAPACK and BLAS (single-threaded, so deterministic: same input,
 * same machine → same bits), for callers that checked {@link NativeBlas#usedFor}. The only class of {@code linalg} that
 * calls native code; each method has an EJML twin in its caller, which runs where OpenBLAS does not and agrees within
 * rounding (LapackTest). EJML matrices are row-major, LAPACK's column-major: a row-major m×n array read column-major
 * is the n×m transpose, which the methods use instead of copying where the result allows it.
 */
final class Lapack {
    private Lapack() {
    }

    /** Eigenvalues of {@code symmetric} (not modified), ascending, no vectors ({@code dsyevd} with jobz = 'N'). */
    static double[] symmetricEigenvalues(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        double[] values = new double[n];
        // a symmetric matrix's row-major data is also its column-major data
        check(LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'U', n, symmetric.data.clone(), n, values),
                "the symmetric eigendecomposition", "dsyevd");
        return values;
    }

    /**
     * Eigenvalues (ascending, into {@code values}) and eigenvectors of {@code symmetric} (not modified), {@code dsyevd}
     * with jobz = 'V'. Returns the n×n array whose row k (read row-major) is the eigenvector of {@code values[k]}.
     */
    static double[] symmetricEigen(DMatrixRMaj symmetric, double[] values) {
        int n = symmetric.numRows;
        double[] vectors = symmetric.data.clone();
        check(LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'U', n, vectors, n, values),
                "the symmetric eigendecomposition", "dsyevd");
        return vectors;
    }

    /** Singular values of {@code matrix} (not modified), descending, no vectors ({@code dgesdd} with jobz = 'N'). */
    static double[] singularValues(DMatrixRMaj matrix) {
        int m = matrix.numRows;
        int n = matrix.numCols;
        double[] values = new double[Math.min(m, n)];
        if (values.length == 0) {
            return values;
        }
        // the row-major m×n data read as column-major is the n×m transpose, which has the same singular values
        check(LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'N', n, m, matrix.data.clone(), n, values, new double[1], 1,
                new double[1], 1), "the singular value decomposition", "dgesdd");
        return values;
    }

    /**
     * Compact SVD A = L diag(s) Rᵀ of {@code matrix} (m×n, not modified), {@code dgesdd} with jobz = 'S', k = min(m, n).
     * LAPACK decomposes the transpose Aᵀ = U' S V'ᵀ it sees in the row-major data, so L = V' and R = U': V'ᵀ
     * (column-major k×m) is L in row-major order as it stands, U' (column-major n×k) is Rᵀ in row-major order.
     *
     * @param values receives s, descending
     * @return {L (m×k row-major), Rᵀ (k×n row-major)}
     */
    static double[][] singularDecomposition(DMatrixRMaj matrix, double[] values) {
        int m = matrix.numRows;
        int n = matrix.numCols;
        int k = Math.min(m, n);
        double[] left = new double[m * k];
        double[] rightTransposed = new double[n * k];
        check(LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'S', n, m, matrix.data.clone(), n, values, rightTransposed, n,
                left, k), "the singular value decomposition", "dgesdd");
        return new double[][]{left, rightTransposed};
    }

    /**
     * The Q of a QR decomposition A = QR of a square {@code matrix} (not modified), with the signs of R's diagonal
     * moved into Q, so that R's diagonal is positive and Q is unique for an invertible A ({@code dgeqrf} +
     * {@code dorgqr}).
     */
    static DMatrixRMaj orthogonalFactor(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        // A itself in column-major order (its row-major transpose), so that LAPACK factors A and not Aᵀ
        double[] a = new double[n * n];
        transpose(matrix.data, a, n);
        double[] tau = new double[n];
        check(LAPACKE_dgeqrf(LAPACK_COL_MAJOR, n, n, a, n, tau), "the QR decomposition", "dgeqrf");
        boolean[] negative = new boolean[n];
        for (int j = 0; j < n; j++) {
            negative[j] = a[j * n + j] < 0; // R(j, j), column-major
        }
        check(LAPACKE_dorgqr(LAPACK_COL_MAJOR, n, n, n, a, n, tau), "forming Q of the QR decomposition", "dorgqr");
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        transpose(a, q.data, n);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                if (negative[j]) {
                    q.data[row + j] = -q.data[row + j];
                }
            }
        }
        return q;
    }

    /** C = A·Bᵀ for A m×p and B n×p ({@code dgemm}, row-major). */
    static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        if (a.numRows == 0 || b.numRows == 0 || a.numCols == 0) {
            return c;
        }
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, a.numRows, b.numRows, a.numCols, 1.0, a.data,
                a.numCols, b.data, b.numCols, 0.0, c.data, c.numCols);
        return c;
    }

    private static void transpose(double[] from, double[] to, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                to[j * n + i] = from[i * n + j];
            }
        }
    }

    private static void check(int info, String what, String routine) {
        if (info != 0) {
            throw new ArithmeticException(what + " did not converge (LAPACK " + routine + " info " + info + ")");
        }
    }
}
