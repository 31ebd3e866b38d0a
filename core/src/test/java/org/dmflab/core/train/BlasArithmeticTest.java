package org.dmflab.core.train;

import org.dmflab.core.linalg.StepArithmetic;
import org.dmflab.core.linalg.KernelThresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.Progress;
import org.dmflab.core.RandomCases;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.linalg.NativeBlas;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenBLAS arithmetic against EJML's own operations (boundary shapes around the two-thread split, seeded random
 * shapes, one and two threads), the pure-Java fallback against OpenBLAS along whole runs, and same settings → same
 * bytes. Skipped, with the loader's reason, where no OpenBLAS platform jar loads.
 */
class BlasArithmeticTest {

    @BeforeAll
    static void nativeBlasLoads() {
        assumeTrue(NativeBlas.failure().isEmpty(), () -> "OpenBLAS did not load here, the Java kernel runs instead: "
                + NativeBlas.failure().orElse(""));
    }

    static Stream<Arguments> shapes() {
        int t = KernelThresholds.BLAS_TWO_THREADS_FROM;
        Stream<Arguments> boundaries = Stream.of(Arguments.of(1, 1, 1, 1L), Arguments.of(2, 1, 3, 2L),
                Arguments.of(3, 7, 1, 3L), Arguments.of(t - 1, 5, 9, 4L), Arguments.of(t, 3, 17, 5L),
                Arguments.of(t + 1, 130, 2, 6L), Arguments.of(t + 2, 1, t + 3, 7L), Arguments.of(200, 150, 170, 8L));
        return Stream.concat(boundaries, RandomCases.of(13, 12, random -> new Object[]{RandomCases.integer(random, 1,
                200), RandomCases.integer(random, 1, 200), RandomCases.integer(random, 1, 200), random.nextLong()}));
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
        // each entry is a sum of k products of N(0,1) entries, summed in a different order: error ≲ k·ε·√k
        double tolerance = 1e-14 * k * Math.sqrt(k) + 1e-14;
        DMatrixRMaj[] oneThread = new DMatrixRMaj[3];
        for (int threads = 1; threads <= 2; threads++) {
            try (BlasArithmetic blas = BlasArithmetic.withThreads(threads)) {
                StepArithmetic.Dense da = load(blas, a);
                StepArithmetic.Dense dat = load(blas, at);
                StepArithmetic.Dense db = load(blas, b);
                StepArithmetic.Dense dbt = load(blas, bt);
                StepArithmetic.Dense dc = blas.allocate(m, n);
                DMatrixRMaj expected = new DMatrixRMaj(m, n);

                DMatrixRMaj[] results = new DMatrixRMaj[3];
                blas.multiply(da, db, dc);
                results[0] = blas.read(dc);
                CommonOps_DDRM.mult(a, b, expected);
                assertThat(Fixtures.maxAbsDifference(results[0], expected)).isLessThan(tolerance);

                blas.multiplyTransA(dat, db, dc);
                results[1] = blas.read(dc);
                CommonOps_DDRM.multTransA(at, b, expected);
                assertThat(Fixtures.maxAbsDifference(results[1], expected)).isLessThan(tolerance);

                StepArithmetic.Dense accumulated = load(blas, c0);
                blas.addMultiplyTransB(-0.3, da, dbt, accumulated);
                results[2] = blas.read(accumulated);
                expected = c0.copy();
                CommonOps_DDRM.multAddTransB(-0.3, a, bt, expected);
                assertThat(Fixtures.maxAbsDifference(results[2], expected)).isLessThan(tolerance);
                if (threads == 1) {
                    System.arraycopy(results, 0, oneThread, 0, 3);
                } else {
                    // the split depends on the shape only: the worker changes where the upper half runs, not its bytes
                    for (int i = 0; i < 3; i++) {
                        assertThat(results[i].data).containsExactly(oneThread[i].data);
                    }
                }
            }
        }
    }

    /** Seeds 1–3: small random shapes; seed 4: 50 operators of 60×60. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void elementwiseAndSensingMatchTheJavaArithmetic(long seed) {
        Random random = new Random(seed);
        boolean large = seed == 4;
        int m = large ? 60 : RandomCases.integer(random, 1, 30);
        int n = large ? 60 : RandomCases.integer(random, 1, 30);
        int count = large ? 50 : RandomCases.integer(random, 1, 50);
        DMatrixRMaj w = RandomMatrices.gaussian(m, n, 1, random);
        DMatrixRMaj t = RandomMatrices.gaussian(m, n, 1, random);
        DMatrixRMaj ops = RandomMatrices.gaussian(count, m * n, 1, random);
        DMatrixRMaj y = RandomMatrices.gaussian(count, 1, 1, random);
        try (BlasArithmetic blas = BlasArithmetic.withThreads(1);
             JavaArithmetic java = JavaArithmetic.with(DenseKernel.singleThreaded(), Math.max(m, n))) {
            double[] sums = new double[2];
            DMatrixRMaj[] results = new DMatrixRMaj[6];
            int i = 0;
            for (StepArithmetic arithmetic : List.of(blas, java)) {
                StepArithmetic.Dense dw = load(arithmetic, w);
                StepArithmetic.Dense dt = load(arithmetic, t);
                StepArithmetic.Dense dd = arithmetic.allocate(m, n);
                sums[i] = arithmetic.residual(dw, dt, dd);
                results[3 * i] = arithmetic.read(dd);
                arithmetic.addScaled(-0.7, dt, dw);
                results[3 * i + 1] = arithmetic.read(dw);
                StepArithmetic.Dense g = arithmetic.allocate(m, n);
                StepArithmetic.Dense r = arithmetic.allocate(count, 1);
                double sensing = arithmetic.operatorResidual(load(arithmetic, ops), load(arithmetic, y), r, load(arithmetic, w),
                        g);
                results[3 * i + 2] = arithmetic.read(g);
                sums[i] += 1000 * sensing; // both sums are checked below, each against its own EJML value
                i++;
            }
            DMatrixRMaj difference = new DMatrixRMaj(m, n);
            CommonOps_DDRM.subtract(w, t, difference);
            DMatrixRMaj residuals = new DMatrixRMaj(count, 1);
            CommonOps_DDRM.mult(ops, new DMatrixRMaj(m * n, 1, true, w.data), residuals);
            CommonOps_DDRM.subtractEquals(residuals, y);
            DMatrixRMaj gradient = new DMatrixRMaj(m * n, 1);
            CommonOps_DDRM.multTransA(ops, residuals, gradient);
            double expected = squares(difference) + 1000 * squares(residuals);
            // sums of up to 3600 (and 50·3600) rounded terms: relative 1e-12 is far above their rounding
            for (int k = 0; k < 2; k++) {
                assertThat(sums[k]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * expected));
                assertThat(Fixtures.maxAbsDifference(results[3 * k], difference)).isZero(); // w − t is exact
                assertThat(Fixtures.maxAbsDifference(results[3 * k + 2], new DMatrixRMaj(m, n, true, gradient.data)))
                        .isLessThan(1e-10);
            }
            // w − 0.7·t: OpenBLAS fuses the multiply-add (one rounding), Java rounds twice — a few ulps of |w| ≲ 6
            assertThat(Fixtures.maxAbsDifference(results[1], results[4])).isLessThan(1e-14);
        }
    }

    /**
     * Sensing shapes (M, m, n) around the split of both passes at {@link
     * KernelThresholds#BLAS_SENSING_TWO_THREADS_FROM}
     * operator entries: just below, exactly at and above it, one measurement, odd and even M and mn, and seeded random
     * shapes from a quarter to four times the threshold.
     */
    static Stream<Arguments> sensingShapes() {
        long t = KernelThresholds.BLAS_SENSING_TWO_THREADS_FROM;
        int atThreshold = (int) (t / (64 * 64));
        Stream<Arguments> boundaries = Stream.of(Arguments.of(atThreshold - 1, 64, 64, 1L),
                Arguments.of(atThreshold, 64, 64, 2L), Arguments.of(atThreshold + 1, 65, 63, 3L),
                Arguments.of(1, (int) (t / 512) + 1, 512, 4L), Arguments.of(2, (int) (t / 724) + 1, 362, 5L),
                Arguments.of((int) (t / 529) + 1, 23, 23, 6L), Arguments.of(3, 1, (int) (t / 3) + 7, 7L),
                Arguments.of(1, 30, 30, 8L), Arguments.of(3, 20, 20, 9L), Arguments.of(5, 181, 181, 10L),
                Arguments.of(5, 182, 181, 11L));
        return Stream.concat(boundaries, RandomCases.of(17, 6, random -> {
            int m = RandomCases.integer(random, 1, 90);
            int n = RandomCases.integer(random, 1, 90);
            long entries = RandomCases.integer(random, (int) (t / 4), (int) (4 * t));
            return new Object[]{(int) Math.max(1, entries / (m * n)), m, n, random.nextLong()};
        }));
    }

    /**
     * Both sensing passes (fused in cache-sized blocks up to {@link KernelThresholds#BLAS_SENSING_BLOCK_DOUBLES},
     * separate
     * above) against EJML, and split over two threads the same bytes as on one: each residual and each gradient entry
     * is computed by the same fixed BLAS calls, whichever thread runs them. A third arithmetic splits every pass
     * regardless of size (down to one measurement, where the lower half is empty): against EJML only.
     */
    @ParameterizedTest
    @MethodSource("sensingShapes")
    void sensingIsTheSameOnOneAndTwoThreads(int count, int m, int n, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj w = RandomMatrices.gaussian(m, n, 1, random);
        DMatrixRMaj ops = RandomMatrices.gaussian(count, m * n, 1 / Math.sqrt(count), random);
        DMatrixRMaj y = RandomMatrices.gaussian(count, 1, 1, random);
        DMatrixRMaj residuals = new DMatrixRMaj(count, 1);
        CommonOps_DDRM.mult(ops, new DMatrixRMaj(m * n, 1, true, w.data), residuals);
        CommonOps_DDRM.subtractEquals(residuals, y);
        DMatrixRMaj gradient = new DMatrixRMaj(m * n, 1);
        CommonOps_DDRM.multTransA(ops, residuals, gradient);
        double[][] bytes = new double[2][];
        double[] sums = new double[2];
        for (int threads = 1; threads <= 3; threads++) {
            try (BlasArithmetic blas = threads == 3 ? BlasArithmetic.forThresholds(true)
                    : BlasArithmetic.withThreads(threads)) {
                StepArithmetic.Dense g = blas.allocate(m, n);
                StepArithmetic.Dense r = blas.allocate(count, 1);
                StepArithmetic.Dense dw = load(blas, w);
                StepArithmetic.Dense dops = load(blas, ops);
                StepArithmetic.Dense dy = load(blas, y);
                double sum = blas.operatorResidual(dops, dy, r, dw, g);
                // a second evaluation overwrites r and G completely (no accumulation from the first)
                sum = blas.operatorResidual(dops, dy, r, dw, g);
                if (threads < 3) {
                    sums[threads - 1] = sum;
                    bytes[threads - 1] = blas.read(g).data;
                } else {
                    assertThat(sum).isCloseTo(squares(residuals), org.assertj.core.data.Offset.offset(1e-10
                            * squares(residuals)));
                }
                // residuals: sums of mn products, summed in another order: error ≲ mn·ε·|rᵢ| with |rᵢ| ≲ √mn; the
                // gradient inherits it through Σᵢ Aᵢⱼ rᵢ (|Aᵢⱼ| ~ 1/√M, M terms): ≲ √M·(1/√M)·that, plus its own
                double residualTolerance = 1e-14 * m * n * Math.sqrt(m * n) + 1e-14;
                assertThat(Fixtures.maxAbsDifference(blas.read(r), residuals)).isLessThan(residualTolerance);
                assertThat(Fixtures.maxAbsDifference(blas.read(g), new DMatrixRMaj(m, n, true, gradient.data)))
                        .isLessThan(10 * residualTolerance + 1e-12);
            }
        }
        assertThat(sums[0]).isCloseTo(squares(residuals), org.assertj.core.data.Offset.offset(1e-10
                * squares(residuals)));
        assertThat(sums[1]).isEqualTo(sums[0]);
        assertThat(bytes[1]).containsExactly(bytes[0]);
    }

    /** The completion gather on direct buffers against the Java arithmetic's on arrays: the same operations, bit for bit. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void gatherMatchesTheJavaArithmetic(long seed) {
        Random random = new Random(seed);
        int m = RandomCases.integer(random, 1, 200);
        int n = RandomCases.integer(random, 1, 200);
        DMatrixRMaj target = RandomMatrices.gaussian(m, n, 1, random);
        DMatrixRMaj w = RandomMatrices.gaussian(m, n, 1, random);
        org.dmflab.core.model.Observations observed = org.dmflab.core.model.Observations.sample(target,
                RandomCases.integer(random, 1, m * n), random);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        double expectedSum = 0;
        for (int k = 0; k < observed.count(); k++) {
            double diff = w.get(observed.row()[k], observed.column()[k]) - observed.values()[k];
            expected.set(observed.row()[k], observed.column()[k], diff);
            expectedSum += diff * diff;
        }
        try (BlasArithmetic blas = BlasArithmetic.withThreads(1);
             JavaArithmetic java = JavaArithmetic.with(DenseKernel.singleThreaded(), Math.max(m, n))) {
            for (StepArithmetic arithmetic : List.of(blas, java)) {
                StepArithmetic.Dense g = arithmetic.allocate(m, n);
                double sum = arithmetic.entryResidual(load(arithmetic, w), observed.row(), observed.column(),
                        observed.values(), g);
                assertThat(sum).isEqualTo(expectedSum);
                assertThat(arithmetic.read(g).data).containsExactly(expected.data);
            }
        }
    }

    /** The same training run on the Java kernel and on OpenBLAS (one and two threads) stays together. */
    @ParameterizedTest
    @ValueSource(strings = {"full", "sensing"})
    void javaFallbackFollowsOpenBlas(String loss) {
        int n = KernelThresholds.BLAS_TWO_THREADS_FROM + 3;
        TrainingPlan plan = plan(n, loss, 30);
        DMatrixRMaj reference = null;
        for (MatrixKernel kernel : new MatrixKernel[]{MatrixKernel.JAVA_ONE_THREAD, MatrixKernel.BLAS_ONE_THREAD,
                MatrixKernel.BLAS_TWO_THREADS}) {
            try (Solver solver = plan.newSolver(kernel)) {
                TrainingResult result = plan.run(solver, Progress.NONE);
                if (reference == null) {
                    reference = result.product();
                } else {
                    // 30 contracting steps of products with n terms: rounding differences stay near n·ε·‖W‖
                    assertThat(Fixtures.maxAbsDifference(result.product(), reference)).isLessThan(1e-12);
                }
            }
        }
    }

    @Test
    void sameSettingsGiveTheSameBytes() {
        TrainingPlan plan = plan(KernelThresholds.BLAS_TWO_THREADS_FROM + 5, "full", 40);
        assertThat(plan.newSolver()).isInstanceOf(MatrixSolver.class).satisfies(Solver::close);
        TrainingResult first = plan.run(Progress.NONE);
        TrainingResult second = plan.run(Progress.NONE);
        assertThat(second.product().data).containsExactly(first.product().data);
        assertThat(first.trace().size()).isGreaterThan(5);
        for (int point = 0; point < first.trace().size(); point++) {
            assertThat(second.trace().loss(point)).isEqualTo(first.trace().loss(point));
            assertThat(second.trace().errorOp(point)).isEqualTo(first.trace().errorOp(point));
            assertThat(second.trace().sigmas(point)).containsExactly(first.trace().sigmas(point));
            assertThat(second.trace().lambdas(point)).containsExactly(first.trace().lambdas(point));
        }
    }

    private static TrainingPlan plan(int n, String loss, int iterations) {
        DMatrixRMaj target = Fixtures.symmetricTarget(spectrum(n), 5);
        Optional<SensingData> sensing = Optional.empty();
        if (loss.equals("sensing")) {
            int count = n;
            Random random = new Random(9);
            DMatrixRMaj ops = RandomMatrices.gaussian(count, n * n, 1 / Math.sqrt(count), random);
            DMatrixRMaj y = new DMatrixRMaj(count, 1);
            CommonOps_DDRM.mult(ops, new DMatrixRMaj(n * n, 1, true, target.data), y);
            sensing = Optional.of(new SensingData(ops, y.data, n, n));
        }
        return Trainer.plan(Fixtures.config("depth", "3", "step", "0.05", "alpha", "0.3", "solver", "matrix", "loss",
                loss, "iterations", Integer.toString(iterations), "record", "log:20"), target, sensing);
    }

    private static double[] spectrum(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < 3 ? 1.0 / (i + 1) : 0.0;
        }
        return values;
    }

    private static double squares(DMatrixRMaj matrix) {
        double sum = 0;
        for (int k = 0; k < matrix.getNumElements(); k++) {
            sum += matrix.data[k] * matrix.data[k];
        }
        return sum;
    }

    private static StepArithmetic.Dense load(StepArithmetic arithmetic, DMatrixRMaj values) {
        StepArithmetic.Dense dense = arithmetic.allocate(values.numRows, values.numCols);
        arithmetic.load(values, dense);
        return dense;
    }
}
