package org.dmflab.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.dmflab.core.dynamics.Perturbed;
import org.dmflab.core.dynamics.Identity;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.dynamics.RunDynamics;
import org.dmflab.core.model.Trace;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict-saddle flag and its escape estimate (2.3′) (docs/theory.md §2.3) against real floating-point descent: the
 * trainer's matrix solver on seeded random 3×3 targets λ₁ &gt; λ_a &gt; 0 &gt; λ_b with |λ_b| &gt; λ_a, in random
 * orthogonal bases. The observed escape is the first recorded iteration at which a product eigenvalue column leaves
 * the exact-arithmetic trajectory x_i(k)^N of the recursion (18) by more than ε|λ_i|.
 */
class SaddleEscapeTest {
    private static final double ALPHA = 0.1;
    private static final double STEP = 0.05;
    private static final double EPSILON = 0.01;
    private static final int ITERATIONS = 8000;
    private static final int RECORD_EVERY = 10;

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void escapeEstimateIsWithinAQuarterOfMatrixDescentsEscape(int depth) {
        Random random = new Random(2203 + depth);
        int cases = 0;
        for (int c = 0; c < 6; c++) {
            double positive = 0.5 + random.nextDouble();
            double[] lambdas = {2 + 2 * random.nextDouble(), positive, -positive * (1.3 + 1.2 * random.nextDouble())};
            SaddleEscape escape = SaddleEscape.of(config(depth), lambdas, Progress.NONE).orElseThrow();
            assertThat(escape.positiveIndex()).isEqualTo(2);
            assertThat(escape.negativeIndex()).isEqualTo(3);
            long observed = observedEscape(lambdas, depth, random.nextLong());
            assertThat((double) escape.iteration().getAsLong()).as("case %d, λ = %s, observed escape %d", c,
                    java.util.Arrays.toString(lambdas), observed).isCloseTo(observed, within(0.25 * observed));
            cases++;
        }
        assertThat(cases).isEqualTo(6);
    }

    @Test
    void noSaddleWithoutANegativeEigenvalueLargerThanAPositiveOneOrForPerturbedStarts() {
        assertThat(SaddleEscape.of(config(3), new double[]{3, 1.5, -1.4}, Progress.NONE)).isEmpty();
        assertThat(SaddleEscape.of(config(3), new double[]{3, 1.5, -1e-17}, Progress.NONE)).isEmpty();
        RunDynamics perturbed = new RunDynamics(3, STEP, new Perturbed(ALPHA, 0.05));
        assertThat(SaddleEscape.of(new PredictConfig(perturbed,
                EPSILON, 0.005, OptionalDouble.empty(), 100_000), new double[]{3, 1, -2}, Progress.NONE)).isEmpty();
        assertThat(SaddleEscape.of(new PredictConfig(new RunDynamics(1, STEP, new Identity(ALPHA)),
                EPSILON, 0.005, OptionalDouble.empty(), 100_000), new double[]{3, 1, -2}, Progress.NONE)).isEmpty();
    }

    @Test
    void predictorFlagsTheSaddleInNotesVerdictAndPlateaus() {
        double[] lambdas = {3.7845, 1.3923, -1.5433};
        Prediction prediction = Predictor.predict(new PredictConfig(new RunDynamics(3, 0.01194,
                new Identity(0.01)), EPSILON, 0.005, OptionalDouble.empty(), 10_000_000),
                new org.dmflab.core.model.Spectrum(lambdas, org.dmflab.core.model.SpectrumKind.EIGENVALUE),
                Progress.NONE);
        SaddleEscape escape = prediction.saddle().orElseThrow();
        long k = escape.iteration().getAsLong();
        assertThat(prediction.verdict().message()).contains("strict saddle").contains("k ≈ " + k);
        assertThat(prediction.notes()).anyMatch(note -> note.contains("Strict saddle") && note.contains("k ≈ " + k));
        var plateaus = prediction.plateausTable();
        int escapeColumn = plateaus.indexOf(PredictionTables.K_ESCAPE_FLOAT);
        int reasonColumn = plateaus.indexOf(PredictionTables.REASON);
        int certified = 0;
        for (int row = 0; row < plateaus.rowCount(); row++) {
            if (prediction.plateaus().get(row).certified()) {
                certified++;
                assertThat(((Number) plateaus.cell(row, escapeColumn)).longValue()).isEqualTo(k);
                assertThat((String) plateaus.cell(row, reasonColumn)).contains("k ≈ " + k);
            }
        }
        assertThat(certified).isPositive();
    }

    private static PredictConfig config(int depth) {
        return new PredictConfig(new RunDynamics(depth, STEP, new Identity(ALPHA)), EPSILON, 0.005,
                OptionalDouble.empty(), 1_000_000);
    }

    /** First recorded iteration at which matrix descent's λ_i column is off x_i(k)^N of (18) by more than ε|λ_i|. */
    private static long observedEscape(double[] lambdas, int depth, long seed) {
        Trace trace = matrixDescent(lambdas, depth, seed);
        double[] x = new double[lambdas.length];
        java.util.Arrays.fill(x, ALPHA);
        long k = 0;
        for (int point = 0; point < trace.size(); point++) {
            for (; k < trace.iteration(point); k++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] += STEP * Math.pow(x[i], depth - 1) * (lambdas[i] - Math.pow(x[i], depth));
                }
            }
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(trace.lambda(point, i) - Math.pow(x[i], depth)) > EPSILON * Math.abs(lambdas[i])) {
                    return k;
                }
            }
        }
        throw new AssertionError("no escape within " + ITERATIONS + " iterations for " + java.util.Arrays.toString(lambdas));
    }

    private static Trace matrixDescent(double[] lambdas, int depth, long seed) {
        DMatrixRMaj target = SpectralProduct.symmetric(RandomMatrices.haarOrthogonal(lambdas.length, new Random(seed)),
                lambdas);
        return Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of("depth", Integer.toString(depth),
                "step", Double.toString(STEP), "init", "identity", "alpha", Double.toString(ALPHA),
                "iterations", Integer.toString(ITERATIONS), "record", "every:" + RECORD_EVERY,
                "solver", "matrix"))), target, Optional.empty()).run(Progress.NONE).trace();
    }
}
