package org.dmflab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.model.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LAPACK routes of {@code linalg} against the EJML routes and against the values a matrix was built from. Targets
 * Φ = Q diag(λ) Qᵀ (U diag(s) Vᵀ) with Haar factors drawn by EJML, spectra with repeated, zero and negative values.
 *
 * <p>Tolerance (Weyl): a backward-stable values-only solver returns the exact values of Φ + E with ‖E‖₂ ≤ p(n)·u·‖Φ‖₂,
 * and Weyl's inequality moves each value by at most ‖E‖₂. So each route is within c·n·u·‖Φ‖₂ of the exact values, and
 * of the values Φ was built from (the construction's own rounding is of the same kind); c = {@value #C} covers the
 * modest p(n) of Householder tridiagonalisation/bidiagonalisation, twice (two routes, or route and construction).
 * Skipped, with the loader's reason, where OpenBLAS does not load.
 */
class LapackTest {
    private static final double U = Math.ulp(1.0) / 2;
    private static final double C = 8;

    @BeforeAll
    static void openBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here, EJML runs instead: "
                + NativeBlas.failure().orElse(""));
    }

    static Stream<Arguments> squares() {
        return RandomCases.of(131, 14, random -> new Object[]{RandomCases.integer(random,
                KernelThresholds.NATIVE_FROM, 120),
                random.nextLong()});
    }

    static Stream<Arguments> rectangles() {
        return RandomCases.of(137, 14, random -> new Object[]{RandomCases.integer(random, 1, 120),
                RandomCases.integer(random, 1, 120), random.nextLong()});
    }

    /** A spectrum of n values with repeats, zeros and negatives, scaled by a log-uniform norm. */
    static double[] awkwardSpectrum(int n, Random random, boolean signed) {
        double scale = RandomCases.logUniform(random, 1e-3, 1e3);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> i > 0 ? values[i - 1] : scale;
                default -> scale * random.nextGaussian();
            };
            if (!signed) {
                values[i] = Math.abs(values[i]);
            }
        }
        values[0] = signed ? -scale : scale; // the norm is reached
        return Spectra.sortDescending(values);
    }

    @ParameterizedTest
    @MethodSource("squares")
    void symmetricEigenvaluesAgreeWithEjmlAndTheConstruction(int n, long seed) {
        Random random = new Random(seed);
        double[] lambda = awkwardSpectrum(n, random, true);
        DMatrixRMaj phi = symmetricTarget(lambda, random);
        double tolerance = C * n * U * norm(lambda);
        double[] lapack = Spectra.symmetricEigenvalues(phi, true);
        double[] ejml = Spectra.symmetricEigenvalues(phi, false);
        assertClose(lapack, ejml, tolerance);
        assertClose(lapack, lambda, tolerance);
        assertThat(lapack).isEqualTo(Spectra.symmetricEigenvalues(phi, true)); // same input → same bits
    }

    @ParameterizedTest
    @MethodSource("rectangles")
    void singularValuesAgreeWithEjmlAndTheConstruction(int m, int n, long seed) {
        Random random = new Random(seed);
        int p = Math.min(m, n);
        double[] s = awkwardSpectrum(p, random, false);
        DMatrixRMaj left = CommonOps_DDRM.extract(RandomMatrices.haarOrthogonal(m, random, false), 0, m, 0, p);
        DMatrixRMaj right = CommonOps_DDRM.extract(RandomMatrices.haarOrthogonal(n, random, false), 0, n, 0, p);
        DMatrixRMaj phi = ejmlProduct(left, s, right);
        double tolerance = C * Math.max(m, n) * U * s[0];
        double[] lapack = Spectra.singularValues(phi, true);
        assertClose(lapack, Spectra.singularValues(phi, false), tolerance);
        assertClose(lapack, s, tolerance);
        assertThat(lapack).isEqualTo(Spectra.singularValues(phi, true));
    }

    @ParameterizedTest
    @MethodSource("squares")
    void eigenvectorsAreEigenvectorsOrthonormalSignFixedAndEjmlsWhereTheGapIsWide(int n, long seed) {
        Random random = new Random(seed);
        // distinct values 1, 2, …, n with random signs: gaps ≥ 1 except between ±k, which stay 2k apart
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = (i + 1) * (random.nextBoolean() ? 1 : -1);
        }
        Spectra.sortDescending(lambda);
        DMatrixRMaj phi = symmetricTarget(lambda, random);
        SymmetricEigen lapack = SymmetricEigen.of(phi, true);
        SymmetricEigen ejml = SymmetricEigen.of(phi, false);
        double norm = n;
        double tolerance = C * n * U * norm;
        assertClose(lapack.values(), lambda, tolerance);
        DMatrixRMaj v = lapack.vectors();
        DMatrixRMaj residual = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(phi, v, residual);
        DMatrixRMaj scaled = v.copy();
        CommonOps_DDRM.multCols(scaled, lapack.values());
        CommonOps_DDRM.subtractEquals(residual, scaled);
        assertThat(CommonOps_DDRM.elementMaxAbs(residual)).isLessThanOrEqualTo(tolerance);
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(v, v, gram);
        CommonOps_DDRM.subtractEquals(gram, CommonOps_DDRM.identity(n));
        assertThat(CommonOps_DDRM.elementMaxAbs(gram)).isLessThanOrEqualTo(C * n * U);
        // Davis–Kahan: each vector is within ‖E‖₂ / gap of the exact one; the gap here is ≥ 1
        DMatrixRMaj difference = v.copy();
        CommonOps_DDRM.subtractEquals(difference, ejml.vectors());
        assertThat(CommonOps_DDRM.elementMaxAbs(difference)).isLessThanOrEqualTo(2 * tolerance);
        for (int k = 0; k < n; k++) {
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.get(i, k)) > Math.abs(v.get(largest, k))) {
                    largest = i;
                }
            }
            assertThat(v.get(largest, k)).isPositive();
        }
        assertThat(lapack.vectors().data).isEqualTo(SymmetricEigen.of(phi, true).vectors().data);
    }

    /** Diagonal targets (the identity basis) keep exact spectra: the reductions are exact on them. */
    @ParameterizedTest
    @ValueSource(ints = {16, 17, 30, 64, 101})
    void diagonalTargetsAreExact(int n) {
        Random random = new Random(n);
        double[] diagonal = awkwardSpectrum(n, random, true);
        double[] shuffled = diagonal.clone();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        DMatrixRMaj phi = CommonOps_DDRM.diag(shuffled);
        assertThat(Spectra.symmetricEigenvalues(phi, true)).containsExactly(diagonal);
        SymmetricEigen eigen = SymmetricEigen.of(phi, true);
        assertThat(eigen.values()).containsExactly(diagonal);
        for (int k = 0; k < n; k++) {
            DMatrixRMaj column = CommonOps_DDRM.extractColumn(eigen.vectors(), k, null);
            Arrays.sort(column.data);
            assertThat(column.data[n - 1]).isEqualTo(1.0);
            assertThat(column.data[n - 2]).isEqualTo(0.0);
            assertThat(column.data[0]).isEqualTo(0.0);
        }
        DMatrixRMaj rectangle = new DMatrixRMaj(n + 7, n);
        for (int i = 0; i < n; i++) {
            rectangle.set(i, i, shuffled[i]);
        }
        double[] moduli = Arrays.stream(diagonal).map(Math::abs).toArray();
        assertThat(Spectra.singularValues(rectangle, true)).containsExactly(Spectra.sortDescending(moduli));
        DMatrixRMaj wide = new DMatrixRMaj(n, 3 * n);
        for (int i = 0; i < n; i++) {
            wide.set(i, 2 * i, shuffled[i]);
        }
        assertThat(Spectra.singularValues(wide, true)).containsExactly(moduli);
    }

    /** The Haar factor is unique (R's diagonal positive): LAPACK's is EJML's within κ(G)·n·u. */
    @ParameterizedTest
    @MethodSource("squares")
    void haarBasesAgree(int n, long seed) {
        DMatrixRMaj lapack = RandomMatrices.haarOrthogonal(n, new Random(seed), true);
        DMatrixRMaj ejml = RandomMatrices.haarOrthogonal(n, new Random(seed), false);
        double[] sigma = SingularOps_DDRM.singularValues(RandomMatrices.gaussian(n, n, 1, new Random(seed)));
        Arrays.sort(sigma);
        double condition = sigma[n - 1] / sigma[0];
        DMatrixRMaj difference = lapack.copy();
        CommonOps_DDRM.subtractEquals(difference, ejml);
        assertThat(CommonOps_DDRM.elementMaxAbs(difference)).isLessThanOrEqualTo(C * n * U * condition);
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(lapack, lapack, gram);
        CommonOps_DDRM.subtractEquals(gram, CommonOps_DDRM.identity(n));
        assertThat(CommonOps_DDRM.elementMaxAbs(gram)).isLessThanOrEqualTo(C * n * U);
        assertThat(lapack.data).isEqualTo(RandomMatrices.haarOrthogonal(n, new Random(seed), true).data);
    }

    /** dgemm against EJML entry by entry: both within γ_p·(|U|·|d|·|V|ᵀ)ᵢⱼ of the exact product (γ_p ≈ p·u). */
    @ParameterizedTest
    @MethodSource("rectangles")
    void spectralProductsAgree(int m, int n, long seed) {
        Random random = new Random(seed);
        int p = RandomCases.integer(random, 1, 120);
        DMatrixRMaj left = RandomMatrices.gaussian(m, p, 1, random);
        DMatrixRMaj right = RandomMatrices.gaussian(n, p, 1, random);
        double[] d = awkwardSpectrum(p, random, true);
        DMatrixRMaj scaled = left.copy();
        CommonOps_DDRM.multCols(scaled, d);
        DMatrixRMaj lapack = Lapack.multTransB(scaled, right);
        DMatrixRMaj ejml = ejmlProduct(left, d, right);
        DMatrixRMaj bound = ejmlProduct(abs(left), Arrays.stream(d).map(Math::abs).toArray(), abs(right));
        for (int k = 0; k < lapack.data.length; k++) {
            assertThat(Math.abs(lapack.data[k] - ejml.data[k])).isLessThanOrEqualTo(2.0 * p * U * bound.data[k]);
        }
        assertThat(SpectralProduct.of(left, d, right).data).isEqualTo(
                Math.max(Math.max(m, n), p) >= KernelThresholds.NATIVE_FROM ? lapack.data : ejml.data);
    }

    /** The public entry points follow {@code -Ddmflab.blas}: the Java fallback gives the same values within tolerance. */
    @ParameterizedTest
    @MethodSource("squares")
    void theJavaFallbackAgrees(int n, long seed) {
        Random random = new Random(seed);
        double[] lambda = awkwardSpectrum(n, random, true);
        DMatrixRMaj phi = symmetricTarget(lambda, random);
        DMatrixRMaj rectangle = CommonOps_DDRM.extract(phi, 0, n, 0, n / 2 + 1);
        Spectrum nativeSpectrum = Spectra.of(phi);
        double[] nativeSingular = Spectra.singularValues(rectangle);
        String previous = System.getProperty(NativeBlas.PROPERTY, "");
        System.setProperty(NativeBlas.PROPERTY, "java");
        try {
            assertThat(NativeBlas.usedFor(n)).isFalse();
            double tolerance = C * n * U * norm(lambda);
            Spectrum javaSpectrum = Spectra.of(phi);
            assertThat(javaSpectrum.kind()).isEqualTo(nativeSpectrum.kind());
            assertClose(javaSpectrum.values(), nativeSpectrum.values(), tolerance);
            assertThat(javaSpectrum.values()).isEqualTo(Spectra.symmetricEigenvalues(phi, false));
            assertClose(Spectra.singularValues(rectangle), nativeSingular, tolerance);
        } finally {
            System.setProperty(NativeBlas.PROPERTY, previous);
        }
        assertThat(NativeBlas.usedFor(n)).isTrue();
        assertThat(nativeSpectrum.values()).isEqualTo(Spectra.symmetricEigenvalues(phi, true));
    }

    /** Q diag(λ) Qᵀ, exactly symmetric, with an EJML-drawn Haar Q. */
    private static DMatrixRMaj symmetricTarget(double[] lambda, Random random) {
        DMatrixRMaj q = RandomMatrices.haarOrthogonal(lambda.length, random, false);
        DMatrixRMaj phi = ejmlProduct(q, lambda, q);
        Symmetry.symmetrizeInPlace(phi);
        return phi;
    }

    private static DMatrixRMaj ejmlProduct(DMatrixRMaj left, double[] values, DMatrixRMaj right) {
        DMatrixRMaj scaled = left.copy();
        CommonOps_DDRM.multCols(scaled, values);
        DMatrixRMaj product = new DMatrixRMaj(left.numRows, right.numRows);
        CommonOps_DDRM.multTransB(scaled, right, product);
        return product;
    }

    private static DMatrixRMaj abs(DMatrixRMaj matrix) {
        DMatrixRMaj abs = matrix.copy();
        CommonOps_DDRM.abs(abs);
        return abs;
    }

    private static double norm(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(0);
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("value %d of %d: %s vs %s (tolerance %s)", i,
                    actual.length, actual[i], expected[i], tolerance).isLessThanOrEqualTo(tolerance);
        }
    }
}
