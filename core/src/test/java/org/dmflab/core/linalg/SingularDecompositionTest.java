package org.dmflab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both routes of {@link SingularDecomposition} on rectangular matrices built as Q₁ diag(s) Q₂ᵀ from known values (with
 * repeats and zeros, LapackTest's awkward spectra): the values are the built ones, U and V have orthonormal columns,
 * and U diag(s) Vᵀ gives the matrix back. Tolerance c·max(m, n)·u·‖A‖₂ with c = 8, as LapackTest argues (backward
 * stability and Weyl), for values and reconstruction; orthonormality to c·max(m, n)·u.
 */
class SingularDecompositionTest {
    private static final double U = Math.ulp(1.0) / 2;
    private static final double C = 8;

    static Stream<Arguments> cases() {
        return RandomCases.of(151, 24, random -> new Object[]{RandomCases.integer(random, 1, 60),
                RandomCases.integer(random, 1, 60), random.nextLong(), random.nextBoolean()});
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decomposesIntoTheValuesItWasBuiltFrom(int m, int n, long seed, boolean lapack) {
        assumeTrue(!lapack || NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here: "
                + NativeBlas.failure().orElse(""));
        Random random = new Random(seed);
        int k = Math.min(m, n);
        double[] built = Spectra.sortDescending(LapackTest.awkwardSpectrum(k, random, false));
        DMatrixRMaj left = CommonOps_DDRM.extract(RandomMatrices.haarOrthogonal(m, random), 0, m, 0, k);
        DMatrixRMaj right = CommonOps_DDRM.extract(RandomMatrices.haarOrthogonal(n, random), 0, n, 0, k);
        DMatrixRMaj matrix = SpectralProduct.of(left, built, right);
        double norm = k == 0 ? 0 : built[0];
        double size = Math.max(m, n);

        SingularDecomposition svd = SingularDecomposition.of(matrix, lapack);
        double[] values = svd.values();
        assertThat(values).hasSize(k);
        for (int i = 0; i < k; i++) {
            assertThat(Math.abs(values[i] - built[i])).as("s_%d", i + 1).isLessThanOrEqualTo(C * size * U * norm);
            assertThat(i == 0 || values[i] <= values[i - 1]).as("descending").isTrue();
        }
        assertOrthonormalColumns(svd.left(), C * size * U);
        assertOrthonormalColumns(svd.right(), C * size * U);
        DMatrixRMaj back = SpectralProduct.of(svd.left(), values, svd.right());
        assertThat(NormOps_DDRM.normF(CommonOps_DDRM.subtract(back, matrix, null)))
                .isLessThanOrEqualTo(C * size * U * norm * Math.sqrt(k));
    }

    private static void assertOrthonormalColumns(DMatrixRMaj vectors, double tolerance) {
        DMatrixRMaj gram = new DMatrixRMaj(vectors.numCols, vectors.numCols);
        CommonOps_DDRM.multTransA(vectors, vectors, gram);
        assertThat(NormOps_DDRM.normF(CommonOps_DDRM.subtract(gram, CommonOps_DDRM.identity(vectors.numCols), null)))
                .isLessThanOrEqualTo(tolerance * vectors.numCols);
    }
}
