package org.dmflab.core.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.RandomCases;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.predict.PredictConfig;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;

/**
 * One record of a run's dynamics for trainer and predictor: the same settings give the same {@link RunDynamics} in
 * both, each start carries exactly the scales it reads, and the predictor's narrowing is its own.
 */
class RunDynamicsTest {

    private static RawSettings settings(String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return RawSettings.of(values);
    }

    /**
     * 300 seeded settings of identity and perturbed starts, β given or not: trainer and predictor both read the record
     * built here from the numbers (β = α/2 when not given, docs/design.md §3), and every combination occurs.
     */
    @Test
    void trainerAndPredictorReadTheSameDynamicsFromTheSameSettings() {
        Random random = new Random(21);
        int cases = 0;
        int[] combinations = new int[4];
        for (int i = 0; i < 300; i++) {
            int depth = RandomCases.integer(random, 1, PredictConfig.MAX_DEPTH);
            double step = RandomCases.logUniform(random, 1e-6, 10);
            double alpha = RandomCases.logUniform(random, 1e-8, 1);
            boolean perturbed = random.nextBoolean();
            boolean betaGiven = random.nextBoolean();
            double beta = betaGiven ? alpha * random.nextDouble() * 0.99 + 1e-300 : alpha / 2;
            RawSettings raw = betaGiven
                    ? settings("depth", Integer.toString(depth), "step", Double.toString(step), "init",
                    perturbed ? "perturbed" : "identity", "alpha", Double.toString(alpha), "beta", Double.toString(beta))
                    : settings("depth", Integer.toString(depth), "step", Double.toString(step), "init",
                    perturbed ? "perturbed" : "identity", "alpha", Double.toString(alpha));
            RunDynamics expected = new RunDynamics(depth, step, perturbed ? new Perturbed(alpha, beta)
                    : new Identity(alpha));
            assertThat(TrainSettings.parse(raw).dynamics()).isEqualTo(expected);
            assertThat(PredictSettings.parse(raw).dynamics()).isEqualTo(expected);
            combinations[(perturbed ? 2 : 0) + (betaGiven ? 1 : 0)]++;
            cases++;
        }
        assertThat(cases).isEqualTo(300);
        assertThat(java.util.Arrays.stream(combinations).min().orElseThrow()).isGreaterThan(50);
    }

    @Test
    void eachStartCarriesOnlyTheScalesItReads() {
        // α and β are not read by a Gaussian start (even invalid ones), σ and the seed not by the others
        assertThat(TrainSettings.parse(settings("init", "gaussian", "sigma", "0.3", "seed", "7", "alpha", "-1",
                "beta", "5")).dynamics().start()).isEqualTo(new Gaussian(0.3, 7));
        assertThat(TrainSettings.parse(settings("init", "identity", "alpha", "0.1", "sigma", "0", "beta", "5"))
                .dynamics().start()).isEqualTo(new Identity(0.1));
        assertThat(TrainSettings.parse(settings("init", "perturbed", "alpha", "0.1")).dynamics().start())
                .isEqualTo(new Perturbed(0.1, 0.05));
        assertThat(new RunDynamics(2, 0.1, new Gaussian(0.3, 7)).alpha()).isNaN();
        assertThat(new RunDynamics(2, 0.1, new Identity(0.3)).beta()).isEmpty();
    }

    @Test
    void eachScaleIsCheckedOnceWithItsKey() {
        assertThatThrownBy(() -> new Identity(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("alpha: the initialization scale α must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new Perturbed(0.1, 0.1)).hasMessageStartingWith("beta: must satisfy 0 < β < α");
        assertThatThrownBy(() -> new Perturbed(0.1, 0)).hasMessageStartingWith("beta: ");
        assertThatThrownBy(() -> new Gaussian(Double.NaN, 1)).hasMessageStartingWith("sigma: ");
        assertThatThrownBy(() -> new RunDynamics(0, 0.1, new Identity(1)))
                .hasMessageStartingWith("depth: must be a whole number from 1 to " + RunDynamics.MAX_DEPTH);
        assertThatThrownBy(() -> new RunDynamics(3, Double.POSITIVE_INFINITY, new Identity(1)))
                .hasMessageStartingWith("step: the step size η must be positive and finite");
    }

    @Test
    void thePredictorNarrowsDepthAndStartWithItsOwnReason() {
        String deeper = Integer.toString(PredictConfig.MAX_DEPTH + 1);
        assertThat(TrainSettings.parse(settings("depth", deeper)).depth()).isEqualTo(PredictConfig.MAX_DEPTH + 1);
        for (String depth : new String[]{deeper, Integer.toString(RunDynamics.MAX_DEPTH + 1)}) {
            assertThatThrownBy(() -> PredictSettings.parse(settings("depth", depth)))
                    .hasMessage("depth: must be a whole number from 1 to " + PredictConfig.MAX_DEPTH + ", got " + depth
                            + " (beyond it x^N under- or overflows a double)");
        }
        assertThatThrownBy(() -> TrainSettings.parse(settings("depth", Integer.toString(RunDynamics.MAX_DEPTH + 1))))
                .hasMessageStartingWith("depth: must be a whole number from 1 to " + RunDynamics.MAX_DEPTH + ",");
        RunDynamics gaussian = new RunDynamics(3, 0.01, new Gaussian(0.1, 1));
        assertThatThrownBy(() -> new PredictConfig(gaussian, 0.01, 0.005, java.util.OptionalDouble.empty(), 10))
                .hasMessageStartingWith("init: gaussian starts have no theory to predict from");
        assertThatThrownBy(() -> PredictSettings.parse(settings("init", "gaussian")))
                .hasMessageStartingWith("init: gaussian starts have no theory to predict from");
    }
}
