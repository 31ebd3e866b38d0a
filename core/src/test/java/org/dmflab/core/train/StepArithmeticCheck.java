package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.linalg.KernelThresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link StepArithmetic} against EJML, as EJML's own checkers hold each decomposition to one suite: one small
 * subclass per implementation (Java on one and two threads, OpenBLAS on one and two threads). Each primitive is checked
 * on identity, zero, 1×1, rectangular and shapes on both sides of the two-thread splits
 * ({@link KernelThresholds#JAVA_TWO_THREADS_FROM}, {@link KernelThresholds#BLAS_TWO_THREADS_FROM}).
 *
 * <p>Tolerances: a product entry is a sum of k products of N(0, 1) entries summed in another order than EJML's, so it
 * may differ by about k·√k·ε; elementwise operations without a sum are exact; sums of squares agree to 1e-12 relative.
 */
abstract class StepArithmeticCheck {
    /** The largest dimension the shapes below use. */
    static final int LARGEST = 200;

    private StepArithmetic arithmetic;

    /** The implementation under test, able to hold matrices up to {@code size} × {@code size}. */
    abstract StepArithmetic create(int size);

    private StepArithmetic arithmetic() {
        if (arithmetic == null) {
            arithmetic = create(LARGEST);
        }
        return arithmetic;
    }

    @AfterEach
    void close() {
        if (arithmetic != null) {
            arithmetic.close();
            arithmetic = null;
        }
    }

    /** (m, k, n, kind): C (m×n) = A (m×k) · B (k×n) with A random, the identity (m = k) or zero. */
    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1, 1, 1, "random"), Arguments.of(5, 5, 7, "identity"),
                Arguments.of(6, 4, 3, "zero"), Arguments.of(3, 17, 2, "random"), Arguments.of(40, 30, 50, "random"),
                Arguments.of(KernelThresholds.BLAS_TWO_THREADS_FROM + 1, 33, 20, "random"),
                Arguments.of(KernelThresholds.JAVA_TWO_THREADS_FROM + 1, 12, 90, "random"),
                Arguments.of(LARGEST, LARGEST, LARGEST, "identity"));
    }

    private static DMatrixRMaj left(int m, int k, String kind, Random random) {
        return switch (kind) {
            case "identity" -> CommonOps_DDRM.identity(m, k);
            case "zero" -> new DMatrixRMaj(m, k);
            default -> RandomMatrices.gaussian(m, k, 1, random);
        };
    }

    private StepArithmetic.Dense load(DMatrixRMaj values) {
        StepArithmetic.Dense dense = arithmetic().allocate(values.numRows, values.numCols);
        arithmetic().load(values, dense);
        return dense;
    }

    private static double squares(DMatrixRMaj matrix) {
        double sum = 0;
        for (double value : matrix.data) {
            sum += value * value;
        }
        return sum;
    }

    private static double tolerance(int k) {
        return 1e-14 * k * Math.sqrt(k) + 1e-14;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void productsMatchEjml(int m, int k, int n, String kind) {
        Random random = new Random(m * 31L + k * 7L + n);
        DMatrixRMaj a = left(m, k, kind, random);
        DMatrixRMaj b = RandomMatrices.gaussian(k, n, 1, random);
        DMatrixRMaj at = left(k, m, kind, random);
        DMatrixRMaj bt = RandomMatrices.gaussian(n, k, 1, random);
        DMatrixRMaj c0 = RandomMatrices.gaussian(m, n, 1, random);
        StepArithmetic.Dense c = arithmetic().allocate(m, n);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);

        arithmetic().multiply(load(a), load(b), c);
        CommonOps_DDRM.mult(a, b, expected);
        assertThat(Fixtures.maxAbsDifference(arithmetic().read(c), expected)).isLessThanOrEqualTo(tolerance(k));

        arithmetic().multiplyTransA(load(at), load(b), c);
        CommonOps_DDRM.multTransA(at, b, expected);
        assertThat(Fixtures.maxAbsDifference(arithmetic().read(c), expected)).isLessThanOrEqualTo(tolerance(k));

        StepArithmetic.Dense accumulated = load(c0);
        arithmetic().addMultiplyTransB(-0.3, load(a), load(bt), accumulated);
        expected = c0.copy();
        CommonOps_DDRM.multAddTransB(-0.3, a, bt, expected);
        assertThat(Fixtures.maxAbsDifference(arithmetic().read(accumulated), expected))
                .isLessThanOrEqualTo(tolerance(k) + 1e-14);
        if (kind.equals("zero")) {
            assertThat(arithmetic().read(accumulated).data).containsExactly(c0.data); // adding 0 changes no bit
        }
    }

    @Test
    void loadAndReadRoundTripExactly() {
        DMatrixRMaj values = RandomMatrices.gaussian(7, 3, 1e-300, new Random(1));
        values.set(0, 0, Double.MIN_VALUE);
        values.set(6, 2, -Double.MAX_VALUE);
        assertThat(arithmetic().read(load(values)).data).containsExactly(values.data);
        assertThat(arithmetic().read(arithmetic().allocate(4, 5)).data).containsOnly(0.0);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void residualAndAddScaledMatchEjml(int m, int unused, int n, String kind) {
        Random random = new Random(m + 1000L * n);
        DMatrixRMaj w = left(m, n, kind, random);
        DMatrixRMaj t = RandomMatrices.gaussian(m, n, 1, random);
        StepArithmetic.Dense d = arithmetic().allocate(m, n);
        double squares = arithmetic().residual(load(w), load(t), d);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.subtract(w, t, expected);
        assertThat(arithmetic().read(d).data).containsExactly(expected.data); // W − T: one rounding per entry
        double expectedSquares = squares(expected);
        assertThat(squares).isCloseTo(expectedSquares, within(1e-12 * expectedSquares));

        StepArithmetic.Dense y = load(w);
        arithmetic().addScaled(-0.7, load(t), y);
        DMatrixRMaj scaled = w.copy();
        CommonOps_DDRM.addEquals(scaled, -0.7, t);
        // a fused multiply-add (OpenBLAS) rounds once, Java twice: a few ulps of entries ≲ 6
        assertThat(Fixtures.maxAbsDifference(arithmetic().read(y), scaled)).isLessThan(1e-14);
    }

    /** (measurements, m, n): one measurement, a 1×1 matrix, rectangular, more measurements than entries. */
    static Stream<Arguments> operators() {
        return Stream.of(Arguments.of(1, 1, 1), Arguments.of(1, 6, 4), Arguments.of(12, 3, 5),
                Arguments.of(50, 6, 6), Arguments.of(200, 20, 30));
    }

    @ParameterizedTest
    @MethodSource("operators")
    void operatorResidualMatchesEjml(int count, int m, int n) {
        Random random = new Random(count * 101L + m * 11L + n);
        DMatrixRMaj w = RandomMatrices.gaussian(m, n, 1, random);
        DMatrixRMaj ops = RandomMatrices.gaussian(count, m * n, 1 / Math.sqrt(count), random);
        DMatrixRMaj y = RandomMatrices.gaussian(count, 1, 1, random);
        StepArithmetic.Dense g = load(RandomMatrices.gaussian(m, n, 1, random)); // overwritten, not added to
        StepArithmetic.Dense r = arithmetic().allocate(count, 1);
        double squares = arithmetic().operatorResidual(load(ops), load(y), r, load(w), g);

        DMatrixRMaj residuals = new DMatrixRMaj(count, 1);
        CommonOps_DDRM.mult(ops, new DMatrixRMaj(m * n, 1, true, w.data), residuals);
        CommonOps_DDRM.subtractEquals(residuals, y);
        DMatrixRMaj gradient = new DMatrixRMaj(m * n, 1);
        CommonOps_DDRM.multTransA(ops, residuals, gradient);
        double expectedSquares = squares(residuals);
        // sums of m·n (and count) rounded terms of size ≲ √(mn): far below 1e-11
        assertThat(squares).isCloseTo(expectedSquares, within(1e-11 * Math.max(1, expectedSquares)));
        assertThat(Fixtures.maxAbsDifference(arithmetic().read(r), residuals)).isLessThan(1e-11);
        assertThat(Fixtures.maxAbsDifference(arithmetic().read(g), new DMatrixRMaj(m, n, true, gradient.data)))
                .isLessThan(1e-11);
    }

    @Test
    void entryResidualWritesOnlyTheListedEntries() {
        Random random = new Random(7);
        DMatrixRMaj w = RandomMatrices.gaussian(5, 8, 1, random);
        DMatrixRMaj before = RandomMatrices.gaussian(5, 8, 1, random);
        int[] rows = {0, 4, 2, 2};
        int[] cols = {0, 7, 3, 4};
        double[] values = {0.5, -1, w.get(2, 3), 2};
        StepArithmetic.Dense g = load(before);
        double squares = arithmetic().entryResidual(load(w), rows, cols, values, g);
        DMatrixRMaj expected = before.copy();
        double expectedSquares = 0;
        for (int k = 0; k < values.length; k++) {
            double difference = w.get(rows[k], cols[k]) - values[k];
            expected.set(rows[k], cols[k], difference);
            expectedSquares += difference * difference;
        }
        assertThat(arithmetic().read(g).data).containsExactly(expected.data);
        assertThat(squares).isEqualTo(expectedSquares); // the same sum in the same order
        assertThat(arithmetic().read(g).get(2, 3)).isZero(); // an observed entry that W matches exactly
    }
}
