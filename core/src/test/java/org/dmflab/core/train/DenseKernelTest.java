package org.dmflab.core.train;

import org.dmflab.core.linalg.KernelThresholds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The blocked kernel against EJML's reference products, and the two-thread split against one thread bit for bit. */
class DenseKernelTest {

    /** Shapes from 1 to 70 rows/inner and up to 600 columns (more than one column block), odd and even row counts. */
    static Stream<Arguments> shapes() {
        Stream<Arguments> boundaries = Stream.of(
                // column counts around the one-row/two-row switch, odd and even row counts
                Arguments.of(7, 9, KernelThresholds.JAVA_ONE_ROW_MIN_COLUMNS - 1, 1L),
                Arguments.of(8, 9, KernelThresholds.JAVA_ONE_ROW_MIN_COLUMNS, 2L),
                Arguments.of(50, 50, 50, 3L),
                Arguments.of(9, 13, KernelThresholds.JAVA_ONE_ROW_MAX_COLUMNS, 4L),
                Arguments.of(10, 13, KernelThresholds.JAVA_ONE_ROW_MAX_COLUMNS + 1, 5L));
        return Stream.concat(boundaries, RandomCases.of(21, 40, random -> new Object[]{RandomCases.integer(random, 1,
                70), RandomCases.integer(random, 1, 70), RandomCases.integer(random, 1, 600), random.nextLong()}));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void productsMatchEjml(int m, int k, int n, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj a = RandomMatrices.gaussian(m, k, 1, random);
        DMatrixRMaj b = RandomMatrices.gaussian(k, n, 1, random);
        DMatrixRMaj at = RandomMatrices.gaussian(k, m, 1, random);
        DMatrixRMaj bt = RandomMatrices.gaussian(n, k, 1, random);
        DMatrixRMaj c0 = RandomMatrices.gaussian(m, n, 1, random);
        // rounding: each entry is a sum of k products of N(0,1) entries, error ≲ k·ε·√k
        double tolerance = 1e-14 * k * Math.sqrt(k) + 1e-14;
        try (DenseKernel single = DenseKernel.singleThreaded(); DenseKernel split = DenseKernel.withParallelThreshold(2)) {
            for (DenseKernel kernel : new DenseKernel[]{single, split}) {
                double[][] c = new double[m][n];
                DMatrixRMaj expected = new DMatrixRMaj(m, n);
                kernel.multiply(DenseKernel.rows(a), DenseKernel.rows(b), c, m, k, n);
                CommonOps_DDRM.mult(a, b, expected);
                assertThat(Fixtures.maxAbsDifference(DenseKernel.matrix(c, m, n), expected)).isLessThan(tolerance);

                kernel.multiplyTransA(DenseKernel.rows(at), DenseKernel.rows(b), c, m, k, n);
                CommonOps_DDRM.multTransA(at, b, expected);
                assertThat(Fixtures.maxAbsDifference(DenseKernel.matrix(c, m, n), expected)).isLessThan(tolerance);

                double[][] accumulated = DenseKernel.rows(c0);
                kernel.addMultiplyTransB(-0.3, DenseKernel.rows(a), DenseKernel.rows(bt), accumulated, m, k, n,
                        new double[k][n]);
                expected = c0.copy();
                CommonOps_DDRM.multAddTransB(-0.3, a, bt, expected);
                assertThat(Fixtures.maxAbsDifference(DenseKernel.matrix(accumulated, m, n), expected))
                        .isLessThan(tolerance);
            }
            double[][] one = new double[m][n];
            double[][] two = new double[m][n];
            single.multiply(DenseKernel.rows(a), DenseKernel.rows(b), one, m, k, n);
            split.multiply(DenseKernel.rows(a), DenseKernel.rows(b), two, m, k, n);
            assertThat(two).isDeepEqualTo(one);
        }
    }
}
