package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dmflab.core.theory.ScalarRecursion;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spectral solver computes powers array-wise for speed; its iterates must still be the scalar recursions (18) and
 * (40) of {@link ScalarRecursion} (products within N ulps of the recursion's x^N, perturbed products exactly; any
 * drift in an iterate would grow far beyond that over 3000 steps), and its loss the sum of the squared residuals.
 */
class SpectralSolverExactnessTest {

    @ParameterizedTest
    @CsvSource({"identity, 1", "identity, 2", "identity, 3", "identity, 5", "perturbed, 2", "perturbed, 3",
            "perturbed, 4"})
    void iteratesAreBitForBitTheScalarRecursions(String init, int depth) {
        double[] lambda = {3, 1.5, 0.8, -0.3, -0.5};
        DMatrixRMaj phi = Fixtures.symmetricTarget(lambda, 11);
        double eta = 0.02;
        double alpha = 0.1;
        double beta = 0.05;
        TrainingPlan plan = Fixtures.plan(phi, "depth", Integer.toString(depth), "step", Double.toString(eta), "init",
                init, "alpha", Double.toString(alpha), "beta", Double.toString(beta), "solver", "spectral");
        boolean perturbed = init.equals("perturbed");
        double[] x = new double[lambda.length];
        double[] y = new double[lambda.length];
        java.util.Arrays.fill(x, perturbed ? beta : alpha);
        java.util.Arrays.fill(y, alpha);
        double[] eigen = plan.problem().eigen().orElseThrow().values();
        try (Solver solver = plan.newSolver()) {
            for (int k = 0; k < 3000; k++) {
                double loss = solver.evaluate();
                double expectedLoss = 0;
                double[] products = solver.measure().lambda();
                for (int i = 0; i < lambda.length; i++) {
                    double product = perturbed ? ScalarRecursion.productEigenvalue(x[i], y[i], depth)
                            : ScalarRecursion.power(x[i], depth);
                    // the recursion's iterates are reproduced bit for bit; the product x^N is formed in another
                    // order than ScalarRecursion.power, so it may differ by the rounding of N − 1 multiplications
                    assertThat(products[i]).isCloseTo(product, within(depth * Math.ulp(product)));
                    expectedLoss += (product - eigen[i]) * (product - eigen[i]);
                }
                assertThat(loss).isCloseTo(0.5 * expectedLoss, within(1e-15 * (1 + loss)));
                solver.update();
                for (int i = 0; i < lambda.length; i++) {
                    if (perturbed) {
                        double nextX = ScalarRecursion.perturbedStepX(x[i], y[i], eigen[i], eta, depth);
                        y[i] = ScalarRecursion.perturbedStepY(x[i], y[i], eigen[i], eta, depth);
                        x[i] = nextX;
                    } else {
                        x[i] = ScalarRecursion.identicalStep(x[i], eigen[i], eta, depth);
                    }
                }
            }
        }
    }
}
