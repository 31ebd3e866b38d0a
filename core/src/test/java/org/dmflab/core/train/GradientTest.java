package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.linalg.RandomMatrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The matrix solver's gradient (9) against independent computations. One update with η = 1 gives
 * ∇_j = W_j(0) − W_j(1) exactly up to one rounding per entry.
 */
class GradientTest {

    /** Central differences of an independently computed loss; O(h²) error, so 1e-6 relative at h = 1e-5. */
    @Test
    void fullLossGradientMatchesCentralDifferences() {
        DMatrixRMaj target = RandomMatrices.gaussian(3, 2, 1.0, new Random(5)); // rectangular, non-symmetric
        TrainConfig config = Fixtures.config("depth", "3", "init", "gaussian", "sigma", "0.7", "seed", "9", "step", "1",
                "width", "4", "solver", "matrix");
        checkAgainstFiniteDifferences(config, target, Optional.empty());
    }

    @Test
    void sensingLossGradientMatchesCentralDifferences() {
        DMatrixRMaj target = RandomMatrices.gaussian(2, 3, 1.0, new Random(6));
        DMatrixRMaj operators = RandomMatrices.gaussian(5, 6, 1.0, new Random(7));
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 6; k++) {
                y[i] += operators.get(i, k) * target.data[k];
            }
        }
        SensingData sensing = new SensingData(operators, y, 2, 3);
        TrainConfig config = Fixtures.config("depth", "2", "init", "gaussian", "sigma", "0.8", "seed", "3", "step", "1",
                "loss", "sensing");
        checkAgainstFiniteDifferences(config, target, Optional.of(sensing));
    }

    private static void checkAgainstFiniteDifferences(TrainConfig config, DMatrixRMaj target,
                                                      Optional<SensingData> sensing) {
        TrainingPlan plan = Trainer.plan(config, target, sensing);
        List<DMatrixRMaj> before;
        List<DMatrixRMaj> after;
        try (Solver solver = plan.newSolver()) {
            before = solver.factors();
            double loss = solver.evaluate();
            assertThat(loss).isCloseTo(directLoss(before, target, sensing), within(1e-12 * Math.max(1, loss)));
            solver.update();
            after = solver.factors();
        }
        double h = 1e-5;
        for (int j = 0; j < before.size(); j++) {
            for (int e = 0; e < before.get(j).getNumElements(); e++) {
                List<DMatrixRMaj> plus = copies(before);
                List<DMatrixRMaj> minus = copies(before);
                plus.get(j).data[e] += h;
                minus.get(j).data[e] -= h;
                double numeric = (directLoss(plus, target, sensing) - directLoss(minus, target, sensing)) / (2 * h);
                double analytic = before.get(j).data[e] - after.get(j).data[e];
                assertThat(analytic).as("∂L/∂W_%d[%d]", j + 1, e)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    /** ½‖W − Φ‖²_F or ½ Σ(⟨Aᵢ, W⟩ − yᵢ)², with W formed by EJML's own multiplication. */
    static double directLoss(List<DMatrixRMaj> factors, DMatrixRMaj target, Optional<SensingData> sensing) {
        DMatrixRMaj w = factors.get(0);
        for (int j = 1; j < factors.size(); j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors.get(j).numRows, w.numCols);
            CommonOps_DDRM.mult(factors.get(j), w, next);
            w = next;
        }
        double sum = 0;
        if (sensing.isEmpty()) {
            for (int k = 0; k < w.getNumElements(); k++) {
                double d = w.data[k] - target.data[k];
                sum += d * d;
            }
        } else {
            DMatrixRMaj a = sensing.get().operators();
            double[] y = sensing.get().observations();
            for (int i = 0; i < y.length; i++) {
                double dot = 0;
                for (int k = 0; k < w.getNumElements(); k++) {
                    dot += a.get(i, k) * w.data[k];
                }
                sum += (dot - y[i]) * (dot - y[i]);
            }
        }
        return 0.5 * sum;
    }

    private static List<DMatrixRMaj> copies(List<DMatrixRMaj> factors) {
        return factors.stream().map(DMatrixRMaj::copy).toList();
    }

    /**
     * A case small enough to do by hand (and checked with numpy): Φ = 0 (2×2), N = 2, perturbed start α = 0.5, β = 0.25,
     * so W₁ = 0.25 I, W₂ = 0.5 I and W = 0.125 I. Measurements A₁ = [[1,2],[3,4]], A₂ = [[0,1],[−1,0]],
     * A₃ = [[2,0],[0,−1]], y = (1, 2, −1). Residuals rᵢ = ⟨Aᵢ, W⟩ − yᵢ = (0.125·5 − 1, 0 − 2, 0.125·1 + 1)
     * = (−0.375, −2, 1.125); loss = ½(0.140625 + 4 + 1.265625) = 2.703125; G = Σ rᵢAᵢ = [[1.875, −2.75], [0.875, −2.625]];
     * ∇W₂ = G W₁ᵀ = 0.25 G and ∇W₁ = W₂ᵀ G = 0.5 G, so with η = 0.1: W₁(1) = 0.25 I − 0.05 G, W₂(1) = 0.5 I − 0.025 G.
     */
    @Test
    void sensingLossAndStepMatchAHandComputedCase() {
        DMatrixRMaj operators = new DMatrixRMaj(new double[][]{{1, 2, 3, 4}, {0, 1, -1, 0}, {2, 0, 0, -1}});
        SensingData sensing = new SensingData(operators, new double[]{1, 2, -1}, 2, 2);
        TrainConfig config = Fixtures.config("depth", "2", "init", "perturbed", "alpha", "0.5", "beta", "0.25",
                "step", "0.1", "loss", "sensing", "iterations", "1", "record", "every:1");
        TrainingResult result = Trainer.plan(config, new DMatrixRMaj(2, 2), Optional.of(sensing)).run(Progress.NONE);
        assertThat(result.solver()).isEqualTo(SolverKind.MATRIX);
        assertThat(result.trace().loss(0)).isCloseTo(2.703125, within(1e-15));
        double[][] g = {{1.875, -2.75}, {0.875, -2.625}};
        DMatrixRMaj w1 = result.factors().get(0);
        DMatrixRMaj w2 = result.factors().get(1);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double identity = r == c ? 1 : 0;
                assertThat(w1.get(r, c)).isCloseTo(0.25 * identity - 0.05 * g[r][c], within(1e-15));
                assertThat(w2.get(r, c)).isCloseTo(0.5 * identity - 0.025 * g[r][c], within(1e-15));
            }
        }
    }

    /** Lemma 2.2′ (N = 1): W(k) − Φ = (1 − η)ᵏ(αI − Φ) exactly, for every solver that applies. */
    @Test
    void depthOneFollowsTheClosedForm() {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_A, 2);
        double eta = 0.3;
        double alpha = 0.2;
        int k = 40;
        for (String solver : new String[]{"matrix", "spectral"}) {
            TrainingResult result = Fixtures.plan(phi, "depth", "1", "step", Double.toString(eta), "alpha",
                    Double.toString(alpha), "iterations", Integer.toString(k), "solver", solver).run(Progress.NONE);
            DMatrixRMaj product = result.product();
            double factor = Math.pow(1 - eta, k);
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    double expected = phi.get(r, c) + factor * ((r == c ? alpha : 0) - phi.get(r, c));
                    assertThat(product.get(r, c)).as(solver).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }
}
