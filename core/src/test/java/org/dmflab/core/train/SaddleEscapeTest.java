package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.Trace;

/**
 * theory.md §2.3 (DERIVED): with an identity start and spectrum A = (3, 1.5, 0.8, 0.3, −0.6, −1.2), the limit V Λ₊ Vᵀ is
 * a strict saddle. Floating-point matrix GD seeds factor differences at 1e-16 that grow by 1 + η λ_a^{(N−2)/N}(|λ_b| − λ_a)
 * per step (maximal for λ_a = 0.3, λ_b = −1.2) until the channel of 0.3 is re-used for −1.2; the spectral solver stays
 * on the identical-init manifold.
 */
class SaddleEscapeTest {
    private static final int DEPTH = 3;
    private static final int ITERATIONS = 3000;

    @Test
    void matrixSolverEscapesTheSaddleAtThePredictedRate() {
        double eta = Fixtures.checkStep();
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_A, 7);
        TrainingPlan plan = Fixtures.plan(phi, "depth", "3", "step", Double.toString(eta), "alpha", "0.1",
                "solver", "matrix", "iterations", Integer.toString(ITERATIONS));
        double[] logDifference = new double[ITERATIONS + 1];
        TrainingResult result;
        try (Solver solver = plan.newSolver()) {
            for (int k = 0; k <= ITERATIONS; k++) {
                solver.evaluate();
                List<DMatrixRMaj> factors = solver.factors();
                DMatrixRMaj difference = new DMatrixRMaj(6, 6);
                CommonOps_DDRM.subtract(factors.get(DEPTH - 1), factors.get(0), difference);
                logDifference[k] = Math.log(NormOps_DDRM.normF(difference));
                if (k < ITERATIONS) {
                    solver.update();
                }
            }
        }
        // the exponential phase: from when the difference leaves the round-off floor (1e-9) until it is macroscopic (1e-3)
        int start = firstAbove(logDifference, Math.log(1e-9));
        int end = firstAbove(logDifference, Math.log(1e-3));
        assertThat(end - start).as("length of the exponential phase").isGreaterThan(200);
        double observed = (logDifference[end] - logDifference[start]) / (end - start);
        double predicted = 0;
        for (double a : Fixtures.SPECTRUM_A) {
            for (double b : Fixtures.SPECTRUM_A) {
                if (a > 0 && b < 0 && -b > a) {
                    predicted = Math.max(predicted,
                            Math.log1p(eta * Math.pow(a, (DEPTH - 2.0) / DEPTH) * (-b - a)));
                }
            }
        }
        // theory.md reports 1.2 % agreement; 3 % leaves room for where the window starts
        assertThat(observed).isCloseTo(predicted, within(0.03 * predicted));

        // afterwards the full run has re-used the channel of 0.3 for −1.2: a negative eigenvalue appears
        result = plan.run(org.dmflab.core.Progress.NONE);
        double[] lambda = result.trace().lambdas(result.trace().size() - 1);
        assertThat(lambda[5]).isLessThan(-1.1);
        assertThat(lambda[3]).isCloseTo(0, within(1e-3));
    }

    @Test
    void spectralSolverStaysOnTheIdenticalManifold() {
        DMatrixRMaj phi = Fixtures.symmetricTarget(Fixtures.SPECTRUM_A, 7);
        TrainingResult result = Fixtures.plan(phi, "depth", "3", "step", Double.toString(Fixtures.checkStep()),
                "alpha", "0.1", "solver", "spectral", "iterations", Integer.toString(ITERATIONS)).run(
                org.dmflab.core.Progress.NONE);
        Trace trace = result.trace();
        for (int p = 0; p < trace.size(); p++) {
            for (int i = 0; i < 6; i++) {
                assertThat(trace.lambda(p, i)).isGreaterThanOrEqualTo(0);
            }
        }
        double[] last = trace.lambdas(trace.size() - 1);
        assertThat(last[3]).isCloseTo(0.3, within(1e-9));
        List<DMatrixRMaj> factors = result.factors();
        assertThat(Fixtures.maxAbsDifference(factors.get(0), factors.get(2))).isZero();
    }

    /**
     * The paper's Remark 1.4: with an identity start negative eigenvalues can still become negative "when [the factor
     * eigenvalue] reaches machine precision". For N = 2 and λ &lt; 0 the factor eigenvalues x, y → 0 like (1 − η|λ|)ᵏ, while
     * their difference d = y − x, seeded by rounding, grows by 1 + ρ with ρ = η(xy − λ) ≈ η|λ| (theory.md (43′)). Once
     * d dominates, the product eigenvalue xy = (s²/d² − d²)/4 ≈ −d²/4 turns negative and grows by (1 + η|λ|)² per step
     * until it approaches λ. The spectral solver keeps x = y exactly and its eigenvalue stays ≥ 0.
     */
    @Test
    void depthTwoRoundOffRecoversANegativeEigenvalue() {
        long seed = 3389293684011491479L; // a 2×2 case the random sweep found; the onset depends on rounding
        Random random = new Random(seed);
        double[] spectrum = {0.5 + 1.5 * random.nextDouble(), -0.45 * random.nextDouble()};
        DMatrixRMaj phi = Fixtures.symmetricTarget(spectrum, seed);
        String[] settings = {"depth", "2", "alpha", "0.3", "iterations", "600", "record", "every:1"};
        double eta = 0.5 * Fixtures.plan(phi, settings).admissibleStep();
        String[] stepped = MatrixAgreesWithSpectralTest.with(settings, "step", Double.toString(eta));
        Trace matrix = Fixtures.plan(phi, MatrixAgreesWithSpectralTest.with(stepped, "solver", "matrix"))
                .run(org.dmflab.core.Progress.NONE).trace();
        Trace spectral = Fixtures.plan(phi, MatrixAgreesWithSpectralTest.with(stepped, "solver", "spectral"))
                .run(org.dmflab.core.Progress.NONE).trace();
        double lambda = Math.min(spectrum[0], spectrum[1]);
        int start = firstBelow(matrix, -1e-14);
        int end = firstBelow(matrix, -1e-6);
        double observed = (Math.log(-matrix.lambda(end, 1)) - Math.log(-matrix.lambda(start, 1))) / (end - start);
        // 2 % for ρ = η(xy − λ) drifting from η|λ| as |xy| reaches 1e-6 |λ| and for the rounding at the window's start
        assertThat(observed).isCloseTo(2 * Math.log1p(eta * -lambda), within(0.02 * 2 * eta * -lambda));
        assertThat(matrix.lambda(matrix.size() - 1, 1)).isCloseTo(lambda, within(1e-3));
        for (int p = 0; p < spectral.size(); p++) {
            assertThat(spectral.lambda(p, 1)).isGreaterThanOrEqualTo(0);
        }
    }

    private static int firstBelow(Trace trace, double threshold) {
        for (int p = 0; p < trace.size(); p++) {
            if (trace.lambda(p, 1) <= threshold) {
                return p;
            }
        }
        throw new AssertionError("never below " + threshold);
    }

    private static int firstAbove(double[] values, double threshold) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] >= threshold) {
                return k;
            }
        }
        throw new AssertionError("never above " + threshold);
    }
}
