package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.TracePoint;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recorded columns of matrix-solver runs against EJML's SVD of W and of W − Φ and against vᵢᵀ W vᵢ, for starts
 * that stay in the target's eigenbasis (identity, perturbed: read off Vᵀ W V) and one that does not (Gaussian:
 * decompositions), at sizes on both kernels; and the reading's switch at its bound.
 */
class EigenbasisReadingTest {

    static Stream<Arguments> runs() {
        return RandomCases.of(41, 9, random -> new Object[]{RandomCases.integer(random, 2, 40),
                new String[]{"identity", "perturbed", "gaussian"}[RandomCases.integer(random, 0, 2)],
                random.nextLong()});
    }

    @ParameterizedTest
    @MethodSource("runs")
    void recordedColumnsMatchEjml(int n, String init, long seed) {
        double[] spectrum = new double[n];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            spectrum[i] = i < 3 ? 1.0 / (i + 1) : (i == n - 1 ? -0.2 : 0.0);
        }
        DMatrixRMaj phi = Fixtures.symmetricTarget(spectrum, random.nextLong());
        TrainingPlan plan = Fixtures.plan(phi, "depth", "3", "step", "0.05", "alpha", "0.4", "beta", "0.2", "init",
                init, "sigma", "0.05", "seed", "7", "solver", "matrix");
        try (Solver solver = plan.newSolver()) {
            for (int k = 0; k < 50; k++) {
                solver.evaluate();
                solver.update();
            }
            solver.evaluate();
            TracePoint point = solver.measure();
            DMatrixRMaj w = solver.product();
            DMatrixRMaj error = new DMatrixRMaj(n, n);
            CommonOps_DDRM.subtract(w, phi, error);
            double[] sigma = Spectra.singularValues(w);
            double errorOp = Spectra.singularValues(error)[0];
            // the solver's own V: in the degenerate eigenspace of 0 any orthonormal basis is an eigenbasis
            double[] lambda = MatrixSolver.alongEigenvectors(plan.problem().eigen().orElseThrow(), w);
            // ‖W‖ ≲ 1 here: the reading's bound is 1e-12‖·‖_F ≤ 1e-12·√n, the SVD's error n·ε
            double tolerance = 1e-11;
            for (int i = 0; i < n; i++) {
                assertThat(Math.abs(point.sigma()[i] - sigma[i])).as("σ_%d", i + 1).isLessThan(tolerance);
                assertThat(Math.abs(point.lambda()[i] - lambda[i])).as("λ_%d", i + 1).isLessThan(tolerance);
            }
            assertThat(point.value(org.dmflab.core.model.TraceMetric.ERROR_OP)).isCloseTo(errorOp, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void readsOnlyWithinItsBound() {
        double[] d = {0.9, -0.5, 0.3, 0.2, 0.1, 0.0};
        double[] phi = {1.0, -0.6, 0.3, 0.0, 0.0, 0.0};
        DMatrixRMaj m = CommonOps_DDRM.diag(d);
        EigenbasisReading exact = EigenbasisReading.of(m, phi, 0, 0);
        assertThat(exact.sigma()).hasValueSatisfying(s -> assertThat(s).containsExactly(0.9, 0.5, 0.3, 0.2, 0.1, 0.0));
        assertThat(exact.errorOp()).hasValue(0.2);
        assertThat(exact.lambda()).containsExactly(d);

        DMatrixRMaj tilted = m.copy();
        tilted.set(0, 1, 1e-9); // off-diagonal mass far above 1e-12·‖M‖_F
        EigenbasisReading off = EigenbasisReading.of(tilted, phi, 0, 0);
        assertThat(off.sigma()).isEmpty();
        assertThat(off.errorOp()).isEmpty();
        // a bad eigendecomposition of Φ (residual) blocks only the error reading
        EigenbasisReading residual = EigenbasisReading.of(m, phi, 0, 1e-6);
        assertThat(residual.sigma()).isPresent();
        assertThat(residual.errorOp()).isEmpty();
    }
}
