package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import java.util.Random;
import java.util.stream.Stream;
import org.dmflab.core.RandomCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.dmflab.core.model.Trace;

/**
 * theory.md §2 checks (a): for spectrum B (no negative eigenvalue exceeds a positive one in modulus) matrix gradient
 * descent and the exact recursions (18), (40)/(41) give the same eigenvalue trajectories. theory.md measured 3e-14 over
 * 8000 steps; 1e-10 over 10⁴ steps leaves four orders of magnitude for round-off accumulation.
 */
class MatrixAgreesWithSpectralTest {
    private static final int ITERATIONS = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"identity", "perturbed"})
    void eigenvalueTrajectoriesAgree(String init) {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_B, 3);
        String[] settings = {"depth", "3", "step", Double.toString(Fixtures.checkStep()), "alpha", "0.1", "beta", "0.05",
                "init", init, "iterations", Integer.toString(ITERATIONS), "record", "every:10"};
        TrainingResult matrix = Fixtures.plan(phi, with(settings, "solver", "matrix")).run(Progress.NONE);
        TrainingResult spectral = Fixtures.plan(phi, with(settings, "solver", "spectral")).run(Progress.NONE);
        Trace a = matrix.trace();
        Trace b = spectral.trace();
        assertThat(a.iterations()).isEqualTo(b.iterations()).hasSize(ITERATIONS / 10 + 1);
        double worst = 0;
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < 6; i++) {
                worst = Math.max(worst, Math.abs(a.lambda(p, i) - b.lambda(p, i)));
            }
        }
        assertThat(worst).isLessThan(1e-10);
        // every factor, not only the product, is V diag(·) Vᵀ with the recursion's eigenvalues
        List<DMatrixRMaj> fm = matrix.factors();
        List<DMatrixRMaj> fs = spectral.factors();
        for (int j = 0; j < 3; j++) {
            assertThat(Fixtures.maxAbsDifference(fm.get(j), fs.get(j))).isLessThan(1e-10);
        }
        double[] coordinates = MatrixSolver.alongEigenvectors(SymmetricEigen.of(phi), fm.get(0));
        assertThat(coordinates[5] < 0).isEqualTo(init.equals("perturbed"));
    }

    /**
     * The same agreement over random small problems: n ∈ [2, 5], N ∈ [1, 4], positive eigenvalues in [0.5, 2], negative
     * ones in (−0.45, 0] (so no negative eigenvalue exceeds a positive one in modulus), η = 0.5 × (10′)/(14′), 400
     * steps. Excluded: negative eigenvalues with an identity start and N = 2, where round-off legitimately takes the
     * matrix solver off the trajectory (Remark 1.4, {@link SaddleEscapeTest#depthTwoRoundOffRecoversANegativeEigenvalue}).
     */
    static Stream<Arguments> randomProblems() {
        return RandomCases.of(8, 25, random -> new Object[]{RandomCases.integer(random, 2, 5),
                RandomCases.integer(random, 1, 4), random.nextBoolean(), random.nextLong()});
    }

    @ParameterizedTest
    @MethodSource("randomProblems")
    void agreementHoldsAcrossRandomProblems(int n, int depth, boolean perturbed, long seed) {
        Random random = new Random(seed);
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = i % 2 == 0 ? 0.5 + 1.5 * random.nextDouble() : -0.45 * random.nextDouble();
            if (depth == 2 && !perturbed) {
                spectrum[i] = Math.abs(spectrum[i]);
            }
        }
        DMatrixRMaj phi = Fixtures.symmetricTarget(spectrum, seed);
        String[] settings = {"depth", Integer.toString(depth), "alpha", "0.3", "beta", "0.1",
                "init", perturbed ? "perturbed" : "identity", "iterations", "400", "record", "every:20"};
        double bound = Fixtures.plan(phi, settings).admissibleStep();
        String[] stepped = with(settings, "step", Double.toString(0.5 * bound));
        Trace a = Fixtures.plan(phi, with(stepped, "solver", "matrix")).run(Progress.NONE).trace();
        Trace b = Fixtures.plan(phi, with(stepped, "solver", "spectral")).run(Progress.NONE).trace();
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < n; i++) {
                assertThat(a.lambda(p, i)).isCloseTo(b.lambda(p, i), within(1e-10));
            }
        }
    }

    static String[] with(String[] base, String... extra) {
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
