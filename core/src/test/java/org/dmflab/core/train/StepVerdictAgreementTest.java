package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.predict.Prediction;
import org.dmflab.core.predict.Predictor;
import org.dmflab.core.theory.ScalarRecursion;
import org.dmflab.core.theory.StepSizeBounds;
import org.dmflab.core.theory.StepSizeVerdict;
import org.dmflab.core.theory.StepSizeVerdict.Standing;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The trainer and the Theoretical Bound Predictor judge a step size with one verdict: for every run that decouples, the
 * trainer warns exactly when the predictor does, with the same words, and neither warns when every eigenvalue's own
 * condition holds.
 */
class StepVerdictAgreementTest {
    /** The plateaus example: spectrum geometric:8,0.5,6, N = 3, η = 0.01, α = 0.02, identity start. */
    private static final double[] PLATEAUS_SPECTRUM = {8, 4, 2, 1, 0.5, 0.25};

    @Test
    void thePlateausExampleGetsNoWarningFromEitherNodeAndItsEigenvaluesConvergeMonotonically() {
        Prediction prediction = Predictor.predict(PredictSettings.parse(RawSettings.of(Map.of("depth", "3", "step",
                "0.01", "alpha", "0.02"))), new Spectrum(PLATEAUS_SPECTRUM, SpectrumKind.EIGENVALUE), Progress.NONE);
        assertThat(prediction.verdict().withinUniformCondition()).isFalse(); // above (10′) = 1/112 …
        assertThat(prediction.verdict().standing()).isEqualTo(Standing.EVERY_EIGENVALUE); // … but within each (20′)
        assertThat(prediction.verdict().warning()).isEmpty();
        TrainingPlan plan = Fixtures.plan(Fixtures.symmetricTarget(PLATEAUS_SPECTRUM, 1), "depth", "3", "step", "0.01",
                "alpha", "0.02");
        assertThat(plan.warnings()).isEmpty();
        // independent truth: the exact scalar recursion of every eigenvalue rises monotonically to λ^{1/N}
        for (double lambda : PLATEAUS_SPECTRUM) {
            double x = 0.02;
            double limit = Math.cbrt(lambda);
            for (int k = 0; k < 200_000; k++) {
                double next = ScalarRecursion.identicalStep(x, lambda, 0.01, 3);
                assertThat(next).as("λ = %s, iteration %d", lambda, k).isGreaterThanOrEqualTo(x)
                        .isLessThanOrEqualTo(limit * (1 + 1e-12));
                x = next;
            }
            assertThat(x).as("λ = %s reaches its limit", lambda).isCloseTo(limit,
                    org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void aStepBeyondTheDivergenceThresholdWarnsInBothNodesWithTheSameWords() {
        double threshold = StepSizeBounds.divergence(8, 0.02, 3); // 2/(3·8^{4/3}) = 1/24
        StepSizeVerdict verdict = StepSizeVerdict.of(3, 1.2 * threshold, org.dmflab.core.dynamics.Initialization.IDENTITY,
                0.02, java.util.OptionalDouble.empty(), PLATEAUS_SPECTRUM);
        assertThat(verdict.standing()).isEqualTo(Standing.DIVERGES);
        assertThat(verdict.standing().converges()).isFalse();
        assertThat(verdict.warning()).get().asString().contains("eigenvalue 1 of the target")
                .contains("cannot converge");
        TrainingPlan plan = Fixtures.plan(Fixtures.symmetricTarget(PLATEAUS_SPECTRUM, 1), "depth", "3", "step",
                Double.toString(1.2 * threshold), "alpha", "0.02");
        assertThat(plan.warnings()).containsExactly(verdict.warning().orElseThrow());
    }

    /**
     * Seeded sweep: random spectra (both signs, three decades), depths 2–5, identity and perturbed starts, steps from
     * 0.3 to 30 times the uniform bound. The trainer's step warning is the predictor's verdict's warning in every case
     * (present or absent), and every standing occurs.
     */
    @Test
    void theTrainerWarnsExactlyWhenThePredictorsVerdictDoes() {
        Random random = new Random(20);
        Map<Standing, Integer> seen = new EnumMap<>(Standing.class);
        int cases = 0;
        for (int trial = 0; trial < 300; trial++) {
            int size = 2 + random.nextInt(5);
            double[] spectrum = new double[size];
            for (int i = 0; i < size; i++) {
                spectrum[i] = (random.nextInt(4) == 0 ? -1 : 1) * Math.pow(10, -1 + 2 * random.nextDouble());
            }
            java.util.Arrays.sort(spectrum);
            for (int i = 0; i < size / 2; i++) { // descending
                double swap = spectrum[i];
                spectrum[i] = spectrum[size - 1 - i];
                spectrum[size - 1 - i] = swap;
            }
            int depth = 2 + random.nextInt(4);
            double alpha = Math.pow(10, -2 + 1.5 * random.nextDouble());
            boolean perturbed = random.nextBoolean();
            double norm = Math.max(Math.abs(spectrum[0]), Math.abs(spectrum[size - 1]));
            double uniform = perturbed ? StepSizeBounds.perturbed(norm, alpha, alpha / 2, depth)
                    : StepSizeBounds.uniform(norm, alpha, depth);
            double step = uniform * Math.pow(10, -0.5 + 2 * random.nextDouble());
            Map<String, String> settings = new HashMap<>(Map.of("depth", Integer.toString(depth), "step",
                    Double.toString(step), "alpha", Double.toString(alpha)));
            if (perturbed) {
                settings.put("init", "perturbed");
                settings.put("beta", Double.toString(alpha / 2));
            }
            StepSizeVerdict verdict = StepSizeVerdict.of(PredictSettings.parse(RawSettings.of(settings)).dynamics(), spectrum);
            DMatrixRMaj target = Fixtures.symmetricTarget(spectrum, trial);
            List<String> stepWarnings = Trainer.plan(TrainSettings.parse(RawSettings.of(settings)), target,
                    Optional.empty()).warnings().stream().filter(w -> w.startsWith("step:")).toList();
            assertThat(stepWarnings).as("trial %d: %s", trial, verdict.message())
                    .isEqualTo(verdict.warning().stream().toList());
            assertThat(verdict.warning().isPresent()).isEqualTo(!verdict.standing().converges());
            seen.merge(verdict.standing(), 1, Integer::sum);
            cases++;
        }
        assertThat(cases).isEqualTo(300);
        assertThat(seen.keySet()).as("standings seen: %s", seen).containsExactlyInAnyOrder(Standing.values());
    }
}
