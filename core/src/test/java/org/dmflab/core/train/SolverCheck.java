package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dmflab.core.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.Trace;

/**
 * The behaviour every {@link Solver} must show (EJML-style checker; one small subclass per solver). Target: spectrum B
 * of theory.md §9 (a) in a random basis, N = 3, α = 0.1, β = 0.05, η = 0.9 × (10′).
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
}
