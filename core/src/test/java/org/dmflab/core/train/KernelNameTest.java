package org.dmflab.core.train;

import org.dmflab.core.linalg.KernelThresholds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.dmflab.core.linalg.NativeBlas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrainingPlan#kernel()} names the arithmetic the run's solver builds, so the KNIME node's {@code dmflab_kernel} and the command line's "kernel …" are true.
 */
class KernelNameTest {

    @ParameterizedTest
    @ValueSource(ints = {2, KernelThresholds.NATIVE_FROM - 1, KernelThresholds.NATIVE_FROM, 40})
    void theMatrixSolverReportsOpenBlasFromItsThresholdOn(int n) {
        // the trainer's documented choice (MatrixKernel.AUTO): OpenBLAS from NATIVE_FROM on, where it loads
        assertThat(plan(n,
                "matrix").kernel()).isEqualTo(n >= KernelThresholds.NATIVE_FROM && NativeBlas.available() ? "openblas"
                : "java");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spectral", "flow"})
    void theDecoupledSolversUseNoDenseKernel(String solver) {
        assertThat(plan(20, solver).kernel()).isEqualTo("none");
    }

    private static TrainingPlan plan(int n, String solver) {
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = 1.0 / (i + 1);
        }
        return Trainer.plan(Fixtures.config("depth", "3", "step", "0.05", "alpha", "0.3", "solver", solver,
                "iterations", "10", "record", "log:5"), Fixtures.symmetricTarget(spectrum, 5), Optional.empty());
    }
}
