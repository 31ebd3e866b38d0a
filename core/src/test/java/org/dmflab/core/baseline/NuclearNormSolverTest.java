package org.dmflab.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.RandomCases;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Nuclear-norm minimization (docs/theory.md §8.4) against independent truth: a fully observed matrix (the constraint
 * leaves one point), the 2×2 completion with one free entry (closed form, both regimes), exact recovery of random low
 * rank matrices from enough entries or Gaussian measurements, and the optimality (KKT) conditions checked on the
 * solution with a dual certificate computed here, with EJML's own SVD.
 */
class NuclearNormSolverTest {
    /** A tight stopping tolerance, so that the closed forms can be compared closely. */
    private static final NuclearNormConfig TIGHT = new NuclearNormConfig(1e-10, 100_000);

    @Test
    void fullyObservedMatrixIsItsOwnMinimizer() {
        Random random = new Random(7);
        DMatrixRMaj target = gaussian(6, 5, random);
        NuclearNormResult result = NuclearNormSolver.solve(completion(target, 1.0, random), TIGHT, Progress.NONE);
        assertThat(result.converged()).isTrue();
        // the constraint set is the single point Φ, so ‖W − Φ‖_F is the constraint residual itself (≤ 1e-10·‖Φ‖_F)
        assertThat(result.relativeError(target)).isLessThan(1e-10);
        assertThat(result.nuclearNorm()).isCloseTo(nuclearNorm(target), within(1e-9 * nuclearNorm(target)));
    }

    /**
     * W = [[a, b], [c, x]]: ‖W‖_*² = ‖W‖_F² + 2|det W| = a² + b² + c² + x² + 2|ax − bc| (σ₁σ₂ = |det W|). This is
     * minimal at the rank-one completion x = bc/a when |bc| ≤ a², else at x = sign(bc)·a (where the smooth branch's
     * derivative 2x ∓ 2a vanishes); in the first case ‖W‖_* = √((a² + b²)(a² + c²))/|a|.
     */
    @Test
    void twoByTwoWithOneFreeEntryMatchesTheClosedForm() {
        assertTwoByTwo(2, 1, 1, 0.5);
        assertThat(solveTwoByTwo(2, 1, 1).nuclearNorm()).isCloseTo(2.5, within(1e-8));
        assertTwoByTwo(1, 2, 3, 1);
        assertThat(solveTwoByTwo(1, 2, 3).nuclearNorm()).isCloseTo(5, within(1e-8));
        assertTwoByTwo(1, 2, -3, -1);
    }

    @Test
    void twoByTwoSweepMatchesTheClosedForm() {
        int cases = 0;
        Random random = new Random(11);
        for (int k = 0; k < 40; k++) {
            double a = RandomCases.uniform(random, 0.3, 2) * (random.nextBoolean() ? 1 : -1);
            double b = RandomCases.uniform(random, -2, 2);
            double c = RandomCases.uniform(random, -2, 2);
            double expected = Math.abs(b * c) <= a * a ? b * c / a : Math.signum(b * c) * a;
            assertTwoByTwo(a, b, c, expected);
            cases++;
        }
        assertThat(cases).isEqualTo(40);
    }

    /**
     * In the rank-one regime the objective grows linearly away from x* (a kink), so x is as accurate as the objective
     * (≤ 1e-10 relative); on the smooth branch it grows quadratically, so an objective accurate to δ places x within
     * about √δ: 1e-4 covers both with a margin.
     */
    private static void assertTwoByTwo(double a, double b, double c, double expected) {
        NuclearNormResult result = solveTwoByTwo(a, b, c);
        assertThat(result.converged()).isTrue();
        assertThat(result.solution().get(1, 1)).as("free entry of [[%s, %s], [%s, ?]]", a, b, c)
                .isCloseTo(expected, within(1e-4));
        double optimum = nuclearNorm(new DMatrixRMaj(new double[][]{{a, b}, {c, expected}}));
        assertThat(result.nuclearNorm()).isCloseTo(optimum, within(1e-8 * optimum));
    }

    private static NuclearNormResult solveTwoByTwo(double a, double b, double c) {
        Observations observed = new Observations(2, 2, new int[]{0, 0, 1}, new int[]{0, 1, 0},
                new double[]{a, b, c});
        return NuclearNormSolver.solve(new ObservedEntries(observed), TIGHT, Progress.NONE);
    }

    /**
     * Rank-one n×n matrices uvᵀ with ±1 entries (the most incoherent kind, which exact-recovery theorems ask for) and
     * 60 % of their entries seen. Gaussian factors at these small sizes are not always recovered: the certificate
     * then proves a minimizer of smaller nuclear norm than Φ's (measured), a property of the problem, not the solver.
     */
    @Test
    void recoversLowRankMatricesFromEnoughEntries() {
        int cases = 0;
        Random random = new Random(3);
        for (int k = 0; k < 6; k++) {
            int n = RandomCases.integer(random, 12, 24);
            int rank = 1;
            DMatrixRMaj target = signs(n, random);
            NuclearNormResult result = NuclearNormSolver.solve(completion(target, 0.6, random),
                    new NuclearNormConfig(1e-9, 100_000), Progress.NONE);
            assertThat(result.converged()).isTrue();
            // exact recovery: the minimizer is Φ; the solver's tolerance 1e-9 leaves an error of the same order
            assertThat(result.relativeError(target)).as("n = %d, rank %d", n, rank).isLessThan(1e-6);
            assertThat(result.rank()).isEqualTo(rank);
            cases++;
        }
        assertThat(cases).isEqualTo(6);
    }

    @Test
    void recoversLowRankMatricesFromGaussianMeasurements() {
        int cases = 0;
        Random random = new Random(5);
        for (int k = 0; k < 4; k++) {
            int n = RandomCases.integer(random, 10, 12);
            DMatrixRMaj target = signs(n, random);
            // M = 4·(2n − 1) measurements (of n² ≥ 100 entries), four times a rank-one n×n matrix's degrees of freedom
            int count = 4 * (2 * n - 1);
            NuclearNormResult result = NuclearNormSolver.solve(new LinearMeasurements(sensing(target, count, random),
                    "test"), new NuclearNormConfig(1e-9, 100_000), Progress.NONE);
            assertThat(result.converged()).isTrue();
            assertThat(result.relativeError(target)).as("n = %d", n).isLessThan(1e-6);
            cases++;
        }
        assertThat(cases).isEqualTo(4);
    }

    /**
     * KKT at a solution that is NOT the target (too few entries to recover it): Y is supported on Ω, ‖Y‖₂ ≤ 1, and
     * Y = UVᵀ + (a part orthogonal to W's row and column spaces), i.e. UᵀYV = I; then the primal value and the dual
     * value ⟨Y, b⟩ meet. Tolerances: ADMM's multiplier converges at the rate of the iterates, about a hundred times the
     * stopping tolerance 1e-9 in the measured cases, so 1e-5 leaves a margin of a hundred.
     */
    @Test
    void solutionSatisfiesTheOptimalityConditions() {
        int cases = 0;
        Random random = new Random(13);
        for (int k = 0; k < 4; k++) {
            int n = RandomCases.integer(random, 14, 20);
            DMatrixRMaj target = lowRank(n, n, 3, random);
            Observations observed = Observations.sample(target, n * n / 4, random);
            NuclearNormResult result = NuclearNormSolver.solve(new ObservedEntries(observed),
                    new NuclearNormConfig(1e-9, 100_000), Progress.NONE);
            assertThat(result.converged()).isTrue();
            DMatrixRMaj y = result.certificate();
            boolean[] mask = observed.mask();
            for (int e = 0; e < mask.length; e++) {
                if (!mask[e]) {
                    assertThat(y.data[e]).as("Y outside Ω").isZero();
                }
            }
            assertThat(SingularOps_DDRM.singularValues(y.copy())[0]).isLessThan(1 + 1e-5);
            DMatrixRMaj w = result.solution();
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, true);
            svd.decompose(w.copy());
            DMatrixRMaj left = leading(svd.getU(null, false), svd.getSingularValues(), result.rank());
            DMatrixRMaj right = leading(svd.getV(null, false), svd.getSingularValues(), result.rank());
            DMatrixRMaj projected = new DMatrixRMaj(result.rank(), n);
            CommonOps_DDRM.multTransA(left, y, projected);
            DMatrixRMaj core = new DMatrixRMaj(result.rank(), result.rank());
            CommonOps_DDRM.mult(projected, right, core);
            assertThat(NormOps_DDRM.normF(CommonOps_DDRM.subtract(core, CommonOps_DDRM.identity(result.rank()), null)))
                    .as("UᵀYV − I").isLessThan(1e-5);
            double dual = 0;
            int[] row = observed.row();
            int[] column = observed.column();
            double[] values = observed.values();
            for (int e = 0; e < values.length; e++) {
                dual += y.get(row[e], column[e]) * values[e];
            }
            double primal = nuclearNorm(w);
            assertThat(primal - dual).as("duality gap").isLessThan(1e-5 * primal);
            // Φ itself is feasible, so the minimum is at most ‖Φ‖_*
            assertThat(primal).isLessThan(nuclearNorm(target) * (1 + 1e-6));
            assertThat(result.gap()).isLessThan(1e-5);
            assertThat(result.relativeError(target)).as("not recovered: a real test of the certificate")
                    .isGreaterThan(1e-3);
            cases++;
        }
        assertThat(cases).isEqualTo(4);
    }

    @Test
    void zeroDataGivesTheZeroMatrix() {
        Observations observed = new Observations(3, 3, new int[]{0, 1}, new int[]{1, 2}, new double[]{0, 0});
        NuclearNormResult result = NuclearNormSolver.solve(new ObservedEntries(observed), TIGHT, Progress.NONE);
        assertThat(result.nuclearNorm()).isZero();
        assertThat(result.rank()).isZero();
        assertThat(result.converged()).isTrue();
    }

    @Test
    void sameInputGivesIdenticalOutput() {
        DMatrixRMaj target = lowRank(15, 12, 2, new Random(1));
        Observations observed = Observations.sample(target, 80, new Random(2));
        NuclearNormConfig config = new NuclearNormConfig(1e-6, 10_000);
        NuclearNormResult first = NuclearNormSolver.solve(new ObservedEntries(observed), config, Progress.NONE);
        NuclearNormResult second = NuclearNormSolver.solve(new ObservedEntries(observed), config, Progress.NONE);
        assertThat(second.solution().data).isEqualTo(first.solution().data);
        assertThat(second.iterations()).isEqualTo(first.iterations());
    }

    @Test
    void budgetSpentIsReportedAsSuch() {
        DMatrixRMaj target = lowRank(15, 12, 2, new Random(1));
        NuclearNormResult result = NuclearNormSolver.solve(completion(target, 0.5, new Random(4)),
                new NuclearNormConfig(1e-10, 3), Progress.NONE);
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.converged()).isFalse();
        Table summary = result.summaryTable(Optional.of(target));
        assertThat(summary.cell(0, summary.indexOf("outcome"))).isEqualTo("iteration budget spent");
        assertThat(summary.cell(0, summary.indexOf("iterations"))).isEqualTo(3L);
        assertThat(result.summaryTable(Optional.empty()).cell(0, summary.indexOf("relative_error"))).isNull();
    }

    @Test
    void cancelStopsTheSolver() {
        List<Double> reported = new ArrayList<>();
        Progress cancelAfterFive = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reported.add(fraction);
            }

            @Override
            public void checkCanceled() {
                if (reported.size() == 5) {
                    throw new RunCanceledException();
                }
            }
        };
        DMatrixRMaj target = lowRank(15, 12, 2, new Random(1));
        assertThatThrownBy(() -> NuclearNormSolver.solve(completion(target, 0.5, new Random(4)), TIGHT,
                cancelAfterFive)).isInstanceOf(RunCanceledException.class);
        assertThat(reported).hasSize(5).isSorted();
    }

    /** The time-left estimate's fraction: from the residual's way down (log scale) or the budget, never going back. */
    @Test
    void progressNeverGoesBackAndStaysWithinOne() {
        List<Double> reported = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reported.add(fraction);
            }

            @Override
            public void checkCanceled() {
            }
        };
        DMatrixRMaj target = lowRank(20, 20, 3, new Random(8));
        NuclearNormResult result = NuclearNormSolver.solve(completion(target, 0.3, new Random(9)),
                new NuclearNormConfig(1e-8, 100_000), recording);
        assertThat(reported).hasSize((int) result.iterations()).isSorted().allMatch(f -> f >= 0 && f <= 1);
        // converging far inside its budget, the run does not report the budget's share alone
        assertThat(reported.get(reported.size() - 1)).isGreaterThan(0.5)
                .isGreaterThan(10.0 * result.iterations() / 100_000);
    }

    @Test
    void badSettingsAndDependentMeasurementsAreRefused() {
        assertThatThrownBy(() -> new NuclearNormConfig(0, 10)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("tolerance:");
        assertThatThrownBy(() -> new NuclearNormConfig(1e-6, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("iterations:");
        DMatrixRMaj operators = new DMatrixRMaj(new double[][]{{1, 0, 0, 0}, {1, 0, 0, 0}});
        SensingData repeated = new SensingData(operators, new double[]{1, 1}, 2, 2);
        assertThatThrownBy(() -> new LinearMeasurements(repeated, "measurements.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("measurements.csv")
                .hasMessageContaining("linearly dependent");
    }

    static DMatrixRMaj gaussian(int rows, int cols, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < matrix.data.length; k++) {
            matrix.data[k] = random.nextGaussian();
        }
        return matrix;
    }

    static DMatrixRMaj lowRank(int rows, int cols, int rank, Random random) {
        DMatrixRMaj product = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.multTransB(gaussian(rows, rank, random), gaussian(cols, rank, random), product);
        return product;
    }

    /** uvᵀ with u, v ∈ {−1, 1}ⁿ. */
    static DMatrixRMaj signs(int n, Random random) {
        DMatrixRMaj product = new DMatrixRMaj(n, n);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextBoolean() ? 1 : -1;
            v[i] = random.nextBoolean() ? 1 : -1;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                product.set(i, j, u[i] * v[j]);
            }
        }
        return product;
    }

    static ObservedEntries completion(DMatrixRMaj target, double fraction, Random random) {
        int count = (int) Math.round(fraction * target.getNumElements());
        return new ObservedEntries(Observations.sample(target, count, random));
    }

    private static SensingData sensing(DMatrixRMaj target, int count, Random random) {
        DMatrixRMaj operators = gaussian(count, target.getNumElements(), random);
        DMatrixRMaj flat = DMatrixRMaj.wrap(target.getNumElements(), 1, target.data);
        DMatrixRMaj y = new DMatrixRMaj(count, 1);
        CommonOps_DDRM.mult(operators, flat, y);
        return new SensingData(operators, y.data, target.numRows, target.numCols);
    }

    static double nuclearNorm(DMatrixRMaj matrix) {
        double sum = 0;
        for (double value : SingularOps_DDRM.singularValues(matrix.copy())) {
            sum += value;
        }
        return sum;
    }

    /** The columns of U (or V) belonging to the {@code count} largest singular values. */
    private static DMatrixRMaj leading(DMatrixRMaj vectors, double[] values, int count) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(values[j], values[i]));
        DMatrixRMaj selected = new DMatrixRMaj(vectors.numRows, count);
        for (int c = 0; c < count; c++) {
            for (int r = 0; r < vectors.numRows; r++) {
                selected.set(r, c, vectors.get(r, order[c]));
            }
        }
        return selected;
    }
}
