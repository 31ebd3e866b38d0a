package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The balancedness W_{j+1}ᵀW_{j+1} − W_jW_jᵀ (docs/theory.md §1.7) and the factors' norms against closed forms: one
 * gradient step changes each imbalance by exactly η²(∇_{j+1}ᵀ∇_{j+1} − ∇_j∇_jᵀ); the flow conserves it; a balanced
 * (identical) start stays balanced; descent at a fixed time t = ηk drifts by O(η).
 */
class FactorDiagnosticsTest {
    private static final DMatrixRMaj TARGET = RandomMatrices.gaussian(4, 3, 1.0, new Random(5));

    /** The first-order terms cancel: D_j(1) − D_j(0) = η²(∇_{j+1}ᵀ∇_{j+1} − ∇_j∇_jᵀ), gradients computed here. */
    @Test
    void oneStepChangesEachImbalanceByEtaSquaredTimesTheGradientsImbalance() {
        int cases = 0;
        for (long seed = 1; seed <= 6; seed++) {
            for (int depth = 2; depth <= 4; depth++) {
                TrainingPlan plan = Trainer.plan(Fixtures.config("depth", Integer.toString(depth), "init", "gaussian",
                        "sigma", "0.5", "seed", Long.toString(seed), "step", "0.05", "iterations", "1", "width", "5"),
                        TARGET, Optional.empty());
                List<DMatrixRMaj> before = Arrays.asList(MatrixSolver.initialFactors(plan.problem()));
                List<DMatrixRMaj> after = plan.run(Progress.NONE).factors();
                List<DMatrixRMaj> gradients = gradients(before);
                for (int j = 0; j + 1 < depth; j++) {
                    DMatrixRMaj change = FactorChecks.imbalance(after, j);
                    CommonOps_DDRM.subtractEquals(change, FactorChecks.imbalance(before, j));
                    DMatrixRMaj expected = FactorChecks.imbalance(gradients, j);
                    CommonOps_DDRM.scale(0.05 * 0.05, expected);
                    double scale = Math.pow(FactorChecks.largestNorm(before), 2);
                    assertThat(NormOps_DDRM.normF(expected)).as("the η² term is not negligible").isGreaterThan(1e-8);
                    for (int e = 0; e < change.getNumElements(); e++) {
                        assertThat(change.data[e]).as("seed %d, N = %d, pair %d", seed, depth, j)
                                .isCloseTo(expected.data[e], within(1e-13 * scale));
                    }
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(6 * (1 + 2 + 3));
    }

    /** An identical start is balanced; gradient descent keeps the factors equal, so it stays balanced (to rounding). */
    @Test
    void anIdenticalStartStaysBalancedUnderMatrixDescent() {
        Trace trace = Fixtures.plan(Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 3), "depth", "3", "alpha", "0.1",
                "step", Double.toString(Fixtures.checkStep()), "solver", "matrix", "iterations", "3000",
                "record", "every:100").run(Progress.NONE).trace();
        for (int p = 0; p < trace.size(); p++) {
            double norm = trace.value(TraceMetric.FACTOR_NORM_MAX, p);
            assertThat(trace.value(TraceMetric.BALANCEDNESS, p)).isLessThanOrEqualTo(1e-13 * norm * norm);
            assertThat(trace.value(TraceMetric.FACTOR_NORM_MIN, p)).isCloseTo(norm, within(1e-13 * norm));
        }
        assertThat(trace.value(TraceMetric.BALANCEDNESS, 0)).isZero();
    }

    /**
     * The flow conserves the imbalance of a perturbed start, (α² − β²)·√n, exactly; descent at the same times drifts
     * from it by O(η) (O(η²) per step over t/η steps): halving η halves the drift at t = 40.
     */
    @Test
    void theFlowConservesTheImbalanceAndDescentDriftsByOrderEta() {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 7);
        double initial = Math.sqrt(6) * (0.01 - 0.0025);
        Trace flow = Fixtures.plan(phi, "depth", "3", "init", "perturbed", "alpha", "0.1", "beta", "0.05", "step",
                "0.02", "solver", "flow", "iterations", "2000", "record", "every:100").run(Progress.NONE).trace();
        for (int p = 0; p < flow.size(); p++) {
            assertThat(flow.value(TraceMetric.BALANCEDNESS, p)).isCloseTo(initial, within(1e-9 * initial));
        }
        double[] drift = new double[2];
        double[] steps = {0.02, 0.01};
        for (int s = 0; s < 2; s++) {
            Trace descent = Fixtures.plan(phi, "depth", "3", "init", "perturbed", "alpha", "0.1", "beta", "0.05",
                    "step", Double.toString(steps[s]), "solver", "spectral", "iterations",
                    Long.toString(Math.round(40 / steps[s])), "record", "every:1000").run(Progress.NONE).trace();
            drift[s] = Math.abs(descent.value(TraceMetric.BALANCEDNESS, descent.size() - 1) - initial);
        }
        assertThat(drift[0]).isGreaterThan(1e-6 * initial);
        assertThat(drift[0] / drift[1]).isCloseTo(2, within(0.2));
    }

    /** A Gaussian, rectangular run with an inner width: the last row's columns against the final factors. */
    @Test
    void rectangularGaussianRunsRecordTheirFactorsDiagnostics() {
        TrainingResult result = Trainer.plan(Fixtures.config("depth", "3", "init", "gaussian", "sigma", "0.3", "seed",
                "2", "step", "0.02", "iterations", "500", "width", "6"), TARGET, Optional.empty()).run(Progress.NONE);
        FactorChecks.assertLastRowMatchesTheFactors(result, 1e-12);
    }

    /** ∇_j = (W_N ⋯ W_{j+1})ᵀ (W − Φ) (W_{j−1} ⋯ W₁)ᵀ for the full loss ½‖W − Φ‖². */
    private static List<DMatrixRMaj> gradients(List<DMatrixRMaj> factors) {
        int depth = factors.size();
        DMatrixRMaj residual = product(factors, 0, depth);
        CommonOps_DDRM.subtractEquals(residual, TARGET);
        List<DMatrixRMaj> gradients = new ArrayList<>();
        for (int j = 0; j < depth; j++) {
            DMatrixRMaj left = product(factors, j + 1, depth);
            DMatrixRMaj right = product(factors, 0, j);
            DMatrixRMaj inner = new DMatrixRMaj(left.numCols, residual.numCols);
            CommonOps_DDRM.multTransA(left, residual, inner);
            DMatrixRMaj gradient = new DMatrixRMaj(inner.numRows, right.numRows);
            CommonOps_DDRM.multTransB(inner, right, gradient);
            gradients.add(gradient);
        }
        return gradients;
    }

    /** W_to ⋯ W_{from+1} (0-based factors from … to − 1); the identity of the right size when empty. */
    private static DMatrixRMaj product(List<DMatrixRMaj> factors, int from, int to) {
        if (from == to) {
            int size = from == 0 ? factors.get(0).numCols : factors.get(from - 1).numRows;
            return CommonOps_DDRM.identity(size);
        }
        DMatrixRMaj result = factors.get(from).copy();
        for (int j = from + 1; j < to; j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors.get(j).numRows, result.numCols);
            CommonOps_DDRM.mult(factors.get(j), result, next);
            result = next;
        }
        return result;
    }
}
