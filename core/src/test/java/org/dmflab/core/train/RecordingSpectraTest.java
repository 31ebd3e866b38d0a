package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.linalg.NativeBlas;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.Spectra;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recording decompositions against EJML's full-precision SVD: the symmetric route within Weyl's bound ‖K‖_F plus
 * rounding, the general route (LAPACK or EJML) within rounding, and the symmetry test at its threshold. Each case runs
 * with OpenBLAS (when it loads) and with {@code -Ddmflab.blas=java}.
 */
class RecordingSpectraTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return RandomCases.of(31, 12, random -> new Object[]{RandomCases.integer(random, 1, 90),
                RandomCases.integer(random, 1, 90), random.nextLong()});
    }

    @ParameterizedTest
    @MethodSource("cases")
    void singularValuesMatchEjml(int m, int n, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj general = RandomMatrices.gaussian(m, n, 1, random);
        DMatrixRMaj a = RandomMatrices.gaussian(n, n, 1, random);
        DMatrixRMaj symmetric = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(a, a, symmetric);
        CommonOps_DDRM.subtractEquals(symmetric, CommonOps_DDRM.identity(n)); // indefinite for small n
        DMatrixRMaj skew = RandomMatrices.gaussian(n, n, 1, random);
        DMatrixRMaj nearly = symmetric.copy();
        // a skew part of relative size 1e-14, below SKEW_TOLERANCE
        double scale = 1e-14 * CommonOps_DDRM.elementMaxAbs(symmetric);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < r; c++) {
                double k = scale * skew.get(r, c);
                nearly.add(r, c, k);
                nearly.add(c, r, -k);
            }
        }
        for (String blas : new String[]{"", "java"}) {
            String previous = System.getProperty(NativeBlas.PROPERTY, "");
            System.setProperty(NativeBlas.PROPERTY, blas);
            try {
                double[] expected = Spectra.singularValues(general);
                // backward-stable SVDs: |Δσ| ≲ p·ε·σ₁ for p = max(m, n)
                assertClose(RecordingSpectra.singularValues(general, false), expected, 1e-14 * Math.max(m, n)
                        * expected[0]);
                assertThat(RecordingSpectra.nearlySymmetric(nearly)).isTrue();
                double[] exact = Spectra.singularValues(nearly);
                double skewNorm = n * scale; // ‖K‖_F ≤ n·scale·max|skew entry|/… bounded generously by n·scale·4
                assertClose(RecordingSpectra.singularValues(nearly, true), exact, 4 * skewNorm + 1e-14 * n * exact[0]);
            } finally {
                System.setProperty(NativeBlas.PROPERTY, previous);
            }
        }
        if (n > 1) {
            DMatrixRMaj tilted = symmetric.copy();
            tilted.add(0, 1, 1e-6 * CommonOps_DDRM.elementMaxAbs(symmetric));
            assertThat(RecordingSpectra.nearlySymmetric(tilted)).isFalse();
        }
        assertThat(RecordingSpectra.nearlySymmetric(general)).isEqualTo(m == n && m == 1);
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("σ_%d", i + 1).isLessThanOrEqualTo(tolerance);
        }
    }
}
