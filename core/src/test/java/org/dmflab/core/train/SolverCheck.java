package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dmflab.core.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.dmflab.core.theory.StepSizeBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The behaviour every {@link Solver} must show (EJML-style checker; one small subclass per solver). Main target:
 * spectrum B of theory.md §9 (a) in a random basis, N = 3, α = 0.1, β = 0.05, η = 0.9 × (10′); and, as EJML's checker
 * suites do, the edge shapes: identity, zero, repeated, singular, 1×1 and large targets, each in several random bases.
 */
abstract class SolverCheck {
    static final int ITERATIONS = 6000;

    /** The solver setting of the implementation under test. */
    abstract String solver();

    TrainingResult train(String init, String... extra) {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 11);
        String[] base = {"depth", "3", "step", Double.toString(Fixtures.checkStep()), "alpha", "0.1", "beta", "0.05",
                "init", init, "solver", solver(), "iterations", Integer.toString(ITERATIONS), "record", "every:50"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        TrainingPlan plan = Fixtures.plan(phi, all);
        assertThat(plan.solver().key()).isEqualTo(solver());
        TrainingResult result = plan.run(Progress.NONE);
        assertThat(result.solver().key()).isEqualTo(solver());
        return result;
    }

    /**
     * The norm and factor columns of the last trace row against the final product and factors computed independently:
     * ‖W‖_F from the entries, ‖W‖_*, the Schatten-2/3 quasi-norm and exp(H(σ/Σσ)) from EJML's full SVD, the
     * balancedness and the factors' norms from EJML products of the factors (relative 1e-9: the recording reads σ in
     * the target's eigenbasis, accurate to rounding of ‖W‖).
     */
    @Test
    void lastRowNormsAndFactorDiagnosticsAgreeWithTheFinalFactors() {
        TrainingResult result = train("perturbed");
        Trace trace = result.trace();
        int last = trace.size() - 1;
        DMatrixRMaj w = result.product();
        double[] sigma = FactorChecks.singularValues(w);
        double nuclear = Arrays.stream(sigma).sum();
        double schatten = Math.pow(Arrays.stream(sigma).map(s -> Math.pow(s, 2.0 / 3)).sum(), 1.5);
        double entropy = -Arrays.stream(sigma).map(s -> s / nuclear).map(p -> p * Math.log(p)).sum();
        assertThat(trace.value(TraceMetric.NORM_FRO, last)).isCloseTo(NormOps_DDRM.normF(w), within(1e-9 * nuclear));
        assertThat(trace.value(TraceMetric.NORM_NUCLEAR, last)).isCloseTo(nuclear, within(1e-9 * nuclear));
        assertThat(trace.value(TraceMetric.SCHATTEN_2_OVER_N, last)).isCloseTo(schatten, within(1e-9 * schatten));
        assertThat(trace.value(TraceMetric.ENTROPY_EFFECTIVE_RANK, last)).isCloseTo(Math.exp(entropy), within(1e-9));
        FactorChecks.assertLastRowMatchesTheFactors(result, 1e-9);
        // the perturbed start is unbalanced: W₂ᵀW₂ − W₁W₁ᵀ = (α² − β²)I at k = 0, ‖·‖_F = √6·(0.01 − 0.0025)
        assertThat(trace.value(TraceMetric.BALANCEDNESS, 0)).isCloseTo(Math.sqrt(6) * 0.0075, within(1e-15));
    }

    /**
     * Every metric declared a function of σ(W) or of the factors' norms ({@link TraceMetric.Basis}) has a finite value
     * in every recorded row, whatever the solver: the trainer applies each declaration, so a new one needs no solver
     * code. Checked against the declarations, not a list here.
     */
    @Test
    void everyMetricDeclaredOfTheSpectrumOrTheFactorsIsRecordedInEveryRow() {
        Trace trace = train("perturbed").trace();
        List<TraceMetric> declared = new ArrayList<>(TraceMetric.of(TraceMetric.Basis.SINGULAR_VALUES));
        declared.addAll(TraceMetric.of(TraceMetric.Basis.FACTORS));
        assertThat(declared).hasSizeGreaterThanOrEqualTo(9);
        int checked = 0;
        for (TraceMetric metric : declared) {
            for (int p = 0; p < trace.size(); p++) {
                assertThat(trace.value(metric, p)).as("%s at point %d", metric.column(), p).isFinite();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(declared.size() * trace.size()).isGreaterThan(9 * 100);
    }

    /** Theorem 1.1′: identity start → V Λ₊ Vᵀ; negative eigenvalues are never recovered and stay ≥ 0. */
    @Test
    void identityStartLearnsOnlyThePositivePart() {
        Trace trace = train("identity").trace();
        for (int p = 0; p < trace.size(); p++) {
            for (int i = 4; i < 6; i++) {
                assertThat(trace.lambda(p, i)).as("negative eigenvalue %d at point %d", i, p)
                        .isGreaterThanOrEqualTo(-1e-12);
            }
        }
        double[] last = trace.lambdas(trace.size() - 1);
        for (int i = 0; i < 4; i++) {
            assertThat(last[i]).isCloseTo(Fixtures.SPECTRUM_B[i], within(1e-6));
        }
        // λ < 0, N = 3: x(k) ~ (η|λ|k)^{-1}, so x³ is small but positive after 6000 steps
        assertThat(last[4]).isBetween(0.0, 1e-3);
        assertThat(last[5]).isBetween(0.0, 1e-3);
    }

    /** Lemma 2.2′: each eigenvalue error decreases monotonically under (10′), hence so does the loss. */
    @Test
    void lossDecreasesMonotonicallyUnderTheAdmissibleStep() {
        Trace trace = train("identity").trace();
        for (int p = 1; p < trace.size(); p++) {
            assertThat(trace.loss(p)).isLessThanOrEqualTo(trace.loss(p - 1) * (1 + 1e-12));
        }
    }

    /** Theorem 1.3 / §6.3: the perturbed start recovers Φ, and only W₁ carries the negative signs. */
    @Test
    void perturbedStartRecoversTheFullSpectrumWithSignsInTheFirstFactor() {
        TrainingResult result = train("perturbed");
        double[] last = result.trace().lambdas(result.trace().size() - 1);
        for (int i = 0; i < 6; i++) {
            assertThat(last[i]).isCloseTo(Fixtures.SPECTRUM_B[i], within(1e-4));
        }
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 11);
        List<DMatrixRMaj> factors = result.factors();
        double[] first = MatrixSolver.alongEigenvectors(org.dmflab.core.linalg.SymmetricEigen.of(phi), factors.get(0));
        for (int i = 0; i < 6; i++) {
            assertThat(Math.signum(first[i])).as("sign of W₁ along v%d", i + 1)
                    .isEqualTo(Math.signum(Fixtures.SPECTRUM_B[i]));
        }
        for (int j = 1; j < 3; j++) {
            double[] other = MatrixSolver.alongEigenvectors(org.dmflab.core.linalg.SymmetricEigen.of(phi),
                    factors.get(j));
            for (double value : other) {
                assertThat(value).isPositive();
            }
        }
    }

    /** The trace's columns are consistent with each other (design.md §2). */
    @Test
    void traceColumnsAreConsistent() {
        TrainingResult result = train("perturbed");
        Trace trace = result.trace();
        assertThat(trace.iteration(0)).isZero();
        assertThat(trace.iteration(trace.size() - 1)).isEqualTo(ITERATIONS);
        for (int p = 0; p < trace.size(); p++) {
            assertThat(trace.time(p)).isCloseTo(Fixtures.checkStep() * trace.iteration(p), within(1e-9));
            assertThat(trace.loss(p)).isCloseTo(0.5 * trace.errorFro(p) * trace.errorFro(p),
                    within(1e-9 * Math.max(trace.loss(p), 1e-12)));
            assertThat(trace.errorOp(p)).isLessThanOrEqualTo(trace.errorFro(p) * (1 + 1e-12));
            assertThat(trace.errorOp(p) * Math.sqrt(6)).isGreaterThanOrEqualTo(trace.errorFro(p) * (1 - 1e-9));
            double[] sigma = trace.sigmas(p);
            for (int i = 1; i < sigma.length; i++) {
                assertThat(sigma[i]).isLessThanOrEqualTo(sigma[i - 1]).isGreaterThanOrEqualTo(0);
            }
            assertThat(trace.effectiveRank(p)).isBetween(1.0, 6.0);
            assertThat(trace.stableRank(p)).isBetween(1.0, trace.effectiveRank(p) + 1e-12);
        }
        assertThat(result.finalLoss()).isEqualTo(trace.loss(trace.size() - 1));
        assertThat(result.finalEffectiveRank()).isEqualTo(trace.effectiveRank(trace.size() - 1));
        assertThat(result.iterations()).isEqualTo(ITERATIONS);
        assertThat(result.stopReason()).isEqualTo(StopReason.ITERATIONS);
    }

    /** The product is W_N ⋯ W₁ of the reported factors, and its eigen-coordinates are the trace's last lambdas. */
    @Test
    void productIsTheProductOfTheFactors() {
        TrainingResult result = train("perturbed");
        List<DMatrixRMaj> factors = result.factors();
        DMatrixRMaj product = factors.get(0);
        for (int j = 1; j < factors.size(); j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors.get(j).numRows, product.numCols);
            CommonOps_DDRM.mult(factors.get(j), product, next);
            product = next;
        }
        assertThat(Fixtures.maxAbsDifference(product, result.product())).isLessThan(1e-12);
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 11);
        double[] along = MatrixSolver.alongEigenvectors(org.dmflab.core.linalg.SymmetricEigen.of(phi),
                result.product());
        double[] last = result.trace().lambdas(result.trace().size() - 1);
        for (int i = 0; i < 6; i++) {
            assertThat(along[i]).isCloseTo(last[i], within(1e-12));
        }
    }

    /** Same settings → identical trace, column by column. */
    @Test
    void runsAreDeterministic() {
        Trace first = train("perturbed").trace();
        Trace second = train("perturbed").trace();
        assertThat(second.iterations()).isEqualTo(first.iterations());
        for (int p = 0; p < first.size(); p++) {
            assertThat(second.lambdas(p)).isEqualTo(first.lambdas(p));
            assertThat(second.sigmas(p)).isEqualTo(first.sigmas(p));
            assertThat(second.loss(p)).isEqualTo(first.loss(p));
            assertThat(second.time(p)).isEqualTo(first.time(p));
            assertThat(second.errorFro(p)).isEqualTo(first.errorFro(p));
            assertThat(second.errorOp(p)).isEqualTo(first.errorOp(p));
            assertThat(second.effectiveRank(p)).isEqualTo(first.effectiveRank(p));
            assertThat(second.stableRank(p)).isEqualTo(first.stableRank(p));
        }
    }

    /** The tolerance stops the run at the first iteration whose loss is at most the tolerance, and records it. */
    @Test
    void toleranceStopsTheRunAndIsRecorded() {
        TrainingResult result = train("identity", "tolerance", "0.5");
        Trace trace = result.trace();
        assertThat(result.stopReason()).isEqualTo(StopReason.TOLERANCE);
        assertThat(result.iterations()).isLessThan(ITERATIONS);
        assertThat(trace.iteration(trace.size() - 1)).isEqualTo(result.iterations());
        assertThat(trace.loss(trace.size() - 1)).isLessThanOrEqualTo(0.5);
        for (int p = 0; p < trace.size() - 1; p++) {
            assertThat(trace.loss(p)).isGreaterThan(0.5);
        }
    }

    /** Target shapes of the edge-case sweep: name, eigenvalues (descending), iterations that suffice to converge. */
    static Stream<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        for (long seed : new long[] {3, 17, 29}) {
            shapes.add(Arguments.of("identity", new double[] {1, 1, 1, 1}, 3000, seed));
            shapes.add(Arguments.of("zero", new double[] {0, 0, 0}, 3000, seed));
            shapes.add(Arguments.of("repeated", new double[] {2, 2, 1, 1, 1}, 4000, seed));
            shapes.add(Arguments.of("singular", new double[] {3, 1, 0, 0}, 4000, seed));
            // |λ_min| < smallest positive λ: not a strict saddle (docs/theory.md §2.3), so rounding cannot escape it
            shapes.add(Arguments.of("indefinite", new double[] {2, 1, -0.3, -0.5}, 4000, seed));
        }
        shapes.add(Arguments.of("1x1", new double[] {2}, 2000, 1L));
        double[] large = new double[24];
        for (int i = 0; i < large.length; i++) {
            large[i] = i < 4 ? 4.0 / (1 << i) : (i % 2 == 0 ? 0 : -0.25);
        }
        Arrays.sort(large);
        for (int i = 0, j = large.length - 1; i < j; i++, j--) {
            double swap = large[i];
            large[i] = large[j];
            large[j] = swap;
        }
        shapes.add(Arguments.of("large", large, 4000, 5L));
        return shapes.stream();
    }

    /**
     * Identity start, N = 3, α = 0.1, η = 0.9·(10′) for the target's ‖Φ‖₂, on every shape. Independent truth
     * (docs/theory.md §2–3): by the decoupling, vᵢᵀ W vᵢ = x_i(k)³ with x_i following (18) for λ_i, so (Lemma 2.2′) the
     * loss never increases; positive eigenvalues are learned (Theorem 1.1′: limit λ₊), non-positive ones stay in
     * [0, α³] (x decreases from α towards 0); equal eigenvalues have equal coordinates at every point (W is a function
     * of Φ); Φ = 0 gives loss ½‖W‖²_F → 0. Tolerances: 1e-12 relative for equalities that hold exactly in exact
     * arithmetic (rounding of n-term sums), 1e-6 for convergence after the stated iterations.
     */
    @ParameterizedTest(name = "{0}, seed {3}")
    @MethodSource("shapes")
    void identityStartOnEveryShape(String shape, double[] lambda, int iterations, long seed) {
        DMatrixRMaj phi = Fixtures.symmetricTarget(lambda, seed);
        double norm = Arrays.stream(lambda).map(Math::abs).max().orElse(0);
        double alpha = 0.1;
        double step = 0.9 * StepSizeBounds.uniform(norm, alpha, 3);
        TrainingPlan plan = Fixtures.plan(phi, "depth", "3", "step", Double.toString(step), "alpha",
                Double.toString(alpha), "init", "identity", "solver", solver(), "iterations",
                Integer.toString(iterations), "record", "every:25");
        Trace trace = plan.run(Progress.NONE).trace();
        double start = alpha * alpha * alpha;
        // once converged the loss sits at its rounding floor ½(n·2⁻⁵²·‖Φ‖₂)² and wanders there
        double roundingFloor = 0.5 * Math.pow(lambda.length * 0x1p-52 * Math.max(1, norm), 2) * 100;
        for (int p = 0; p < trace.size(); p++) {
            if (p > 0) {
                assertThat(trace.loss(p)).as("%s: loss at point %d", shape, p)
                        .isLessThanOrEqualTo(trace.loss(p - 1) * (1 + 1e-12) + roundingFloor);
            }
            double[] coordinates = trace.lambdas(p);
            for (int i = 0; i < lambda.length; i++) {
                if (lambda[i] <= 0) {
                    assertThat(coordinates[i]).as("%s: λ_%d = %s at point %d", shape, i + 1, lambda[i], p)
                            .isBetween(-1e-12, start * (1 + 1e-9));
                }
                for (int j = 0; j < i; j++) {
                    if (lambda[j] == lambda[i]) {
                        assertThat(coordinates[i]).as("%s: equal eigenvalues %d and %d at point %d", shape, j + 1,
                                i + 1, p).isCloseTo(coordinates[j], within(1e-12 * Math.max(1, norm)));
                    }
                }
            }
        }
        double[] last = trace.lambdas(trace.size() - 1);
        for (int i = 0; i < lambda.length; i++) {
            if (lambda[i] >= 0.5) {
                assertThat(last[i]).as("%s: learned λ_%d", shape, i + 1).isCloseTo(lambda[i], within(1e-6));
            }
        }
        if (norm == 0) {
            assertThat(trace.loss(trace.size() - 1)).isLessThan(trace.loss(0));
        }
    }
}
