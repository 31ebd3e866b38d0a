package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The flow solver (theory.md §4) against the closed form (30′), the conservation law of §6.1 and gradient descent. */
class FlowAccuracyTest {

    /** N = 2, identity start: the Runge–Kutta path reproduces (30′) x(t)² = λα²e^{2λt}/(λ − α² + α²e^{2λt}). */
    @Test
    void rungeKuttaMatchesTheClosedFormForDepthTwo() {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_A, 4);
        TrainingProblem problem = problem(phi, "depth", "2", "alpha", "0.1", "step", "0.05");
        try (FlowSolver flow = new FlowSolver(problem, false)) {
            for (int k = 1; k <= 2000; k++) {
                flow.update();
                if (k % 50 == 0) {
                    double[] p = flow.measure().lambda();
                    for (int i = 0; i < 6; i++) {
                        double x = FlowSolver.closedForm(Fixtures.SPECTRUM_A[i], 0.1, 0.05 * k, 2);
                        // 1e-12 relative local error per RK step accumulates over ~1e3 steps to ~1e-10
                        assertThat(p[i]).isCloseTo(x * x, within(1e-9 * Math.max(Math.abs(x * x), 1e-3)));
                    }
                }
            }
        }
    }

    /** Perturbed flow: y² − x² = α² − β² is conserved exactly (theory.md §6.1). */
    @Test
    void perturbedFlowConservesTheDifferenceOfSquares() {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 4);
        TrainingProblem problem = problem(phi, "depth", "3", "init", "perturbed", "alpha", "0.1", "beta", "0.05",
                "step", "0.05");
        try (FlowSolver flow = new FlowSolver(problem, true)) {
            for (int k = 0; k < 3000; k++) {
                flow.update();
            }
            for (int i = 0; i < 6; i++) {
                assertThat(flow.y[i] * flow.y[i] - flow.x[i] * flow.x[i]).isCloseTo(0.01 - 0.0025, within(1e-10));
            }
            assertThat(flow.x[5]).isNegative();
        }
    }

    /** GD with step η is a first-order approximation of the flow: the gap at a fixed time halves with η. */
    @Test
    void gradientDescentApproachesTheFlowAsTheStepShrinks() {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 4);
        double time = 30;
        double[] gaps = new double[2];
        double[] steps = {2e-3, 1e-3};
        for (int s = 0; s < 2; s++) {
            String eta = Double.toString(steps[s]);
            String iterations = Long.toString(Math.round(time / steps[s]));
            TrainingResult gd = Fixtures.plan(phi, "depth", "3", "alpha", "0.3", "step", eta, "iterations", iterations,
                    "solver", "spectral").run(Progress.NONE);
            TrainingResult flow = Fixtures.plan(phi, "depth", "3", "alpha", "0.3", "step", eta, "iterations",
                    iterations, "solver", "flow").run(Progress.NONE);
            double[] a = gd.trace().lambdas(gd.trace().size() - 1);
            double[] b = flow.trace().lambdas(flow.trace().size() - 1);
            for (int i = 0; i < 6; i++) {
                gaps[s] = Math.max(gaps[s], Math.abs(a[i] - b[i]));
            }
        }
        assertThat(gaps[0]).isLessThan(1e-2).isGreaterThan(1e-8);
        assertThat(gaps[1] / gaps[0]).isCloseTo(0.5, within(0.05));
    }

    private static TrainingProblem problem(DMatrixRMaj phi, String... settings) {
        TrainConfig config = Fixtures.config(settings);
        return new TrainingProblem(config, phi, Optional.of(SymmetricEigen.of(phi)), Optional.empty(), phi.numCols);
    }
}
