package org.dmflab.core.linalg;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Seeded random matrices. {@link Random} is used because its algorithm is fixed by the Java specification, so the same
 * seed gives the same numbers on every JVM.
 */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /** An m×n matrix with i.i.d. N(0, σ²) entries, filled row by row. */
    public static DMatrixRMaj gaussian(int m, int n, double sigma, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(m, n);
        for (int k = 0; k < matrix.data.length; k++) {
            matrix.data[k] = sigma * random.nextGaussian();
        }
        return matrix;
    }

    /**
     * A Haar-distributed (uniformly random) n×n orthogonal matrix: the Q of a QR decomposition of a Gaussian matrix,
     * with the signs of R's diagonal moved into Q so that the distribution is exactly Haar (Mezzadri 2007). That Q is
     * unique, so LAPACK ({@code dgeqrf}/{@code dorgqr}, where OpenBLAS loads and n ≥ {@link
     * KernelThresholds#NATIVE_FROM})
     * and EJML give the same matrix up to rounding.
     */
    public static DMatrixRMaj haarOrthogonal(int n, Random random) {
        return haarOrthogonal(n, random, NativeBlas.usedFor(n));
    }

    /** {@link #haarOrthogonal(int, Random)} on LAPACK ({@code lapack}, OpenBLAS must be loaded) or EJML. */
    static DMatrixRMaj haarOrthogonal(int n, Random random, boolean lapack) {
        DMatrixRMaj gaussian = gaussian(n, n, 1.0, random);
        if (lapack) {
            return Lapack.orthogonalFactor(gaussian);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(gaussian)) {
            throw new ArithmeticException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.unsafe_set(i, j, -q.unsafe_get(i, j));
                }
            }
        }
        return q;
    }
}
