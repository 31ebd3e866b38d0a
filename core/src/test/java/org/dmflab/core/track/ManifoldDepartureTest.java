package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.dmflab.core.dynamics.Identity;
import org.dmflab.core.Progress;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.linalg.SpectralProduct;
import org.dmflab.core.dynamics.RunDynamics;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Table;
import org.dmflab.core.predict.PredictConfig;
import org.dmflab.core.predict.Prediction;
import org.dmflab.core.predict.Predictor;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The tracker on real runs of the trainer (N = 3, α = 0.1, η = 0.04, identity start, 3×3): floating-point descent on a
 * strict-saddle target leaves the start's dynamics (docs/theory.md §2.3) and the tracker says so next to the plateaus;
 * the same descent on a target without a saddle, and exact arithmetic on the saddle, do not.
 */
class ManifoldDepartureTest {
    private static final double EPSILON = 0.01;

    @Test
    void floatDescentOnAStrictSaddleLeavesAndTheTrackerSaysSo() {
        double[] saddle = {3, 1, -1.8};
        TrackResult result = track(saddle, "matrix");
        ManifoldDeparture departure = result.departure().orElseThrow();
        assertThat(departure.changes()).extracting(ManifoldDeparture.Change::index, ManifoldDeparture.Change::recovered)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(3, true),
                        org.assertj.core.groups.Tuple.tuple(2, false));
        // the predictor's escape estimate (2.3′) for this run, an independent model of the same event
        long estimate = prediction(saddle).saddle().orElseThrow().iteration().getAsLong();
        assertThat((double) departure.iteration()).isCloseTo(estimate, within(0.25 * estimate));
        // at the end λ_3 is learned and λ_2 lost: the run sits on Φ with λ_2's channel used for λ_3
        Trace trace = result.input().trace();
        assertThat(trace.lambda(trace.size() - 1, 2)).isCloseTo(-1.8, within(EPSILON * 1.8));
        assertThat(trace.lambda(trace.size() - 1, 1)).isCloseTo(0, within(EPSILON));
        assertThat(result.hittings()).extracting(Hitting::outcome).containsExactly(Hitting.Outcome.LEARNED,
                Hitting.Outcome.LOST, Hitting.Outcome.LEARNED);
        assertThat(result.summary()).contains("3 of 3 values within ε=0.01 of their limit at k_hit, 1 of them lost later");
        Table plateaus = result.plateausTable();
        String recording = (String) plateaus.cell(1, plateaus.indexOf("recording"));
        assertThat(recording).startsWith("left the start's dynamics at k = " + departure.iteration());
        assertThat(result.summary()).contains("The run left the dynamics of its start at k = " + departure.iteration()).contains("λ_3 = -1.800 recovered at k = ")
                .contains("λ_2 = 1.000 lost at k = ");
    }

    @Test
    void floatDescentWithoutASaddleAndExactArithmeticOnOneStay() {
        double[] noSaddle = {3, 1, -0.8};
        TrackResult stays = track(noSaddle, "matrix");
        assertThat(stays.departure()).isEmpty();
        assertThat(stays.summary()).doesNotContain("left").doesNotContain("lost");
        Table plateaus = stays.plateausTable();
        assertThat(plateaus.cell(1, plateaus.indexOf("recording"))).isEqualTo("fine");
        assertThat(track(new double[]{3, 1, -1.8}, "spectral").departure()).isEmpty();
    }

    private static TrackResult track(double[] lambdas, String solver) {
        Trace trace = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of("depth", "3", "step", "0.04", "init",
                "identity", "alpha", "0.1", "iterations", "4000", "record", "every:10", "solver", solver))),
                SpectralProduct.symmetric(RandomMatrices.haarOrthogonal(3, new Random(17)), lambdas), Optional.empty())
                .run(Progress.NONE).trace();
        Spectrum target = new Spectrum(lambdas, SpectrumKind.EIGENVALUE);
        return SpectrumTracker.track(new TrackInput(trace, "trace", Optional.of(target), "target",
                Optional.of(prediction(lambdas).predictedPlateaus()), "predicted"),
                new TrackConfig(EPSILON, 0.05, false), Progress.NONE);
    }

    private static Prediction prediction(double[] lambdas) {
        return Predictor.predict(new PredictConfig(new RunDynamics(3, 0.04, new Identity(0.1)),
                EPSILON, 0.005, OptionalDouble.empty(), 1_000_000), new Spectrum(lambdas, SpectrumKind.EIGENVALUE),
                Progress.NONE);
    }
}
