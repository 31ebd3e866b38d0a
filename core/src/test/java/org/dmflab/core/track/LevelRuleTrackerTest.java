package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.theory.PlateauBounds;
import org.dmflab.core.theory.PlateauCertificate;
import org.junit.jupiter.api.Test;

/**
 * The example, end to end in the engine: Φ with spectrum (3, 1.5, 0.8, −2), identical start. The tracker, told
 * nothing but the trace (which carries init = identity), and the predictor agree on the levels of Φ₊, and the observed
 * plateaus of the exact recursion (18) contain the certified intervals of Theorem 3.5″.
 */
class LevelRuleTrackerTest {

    private static final double[] LAMBDA = {3, 1.5, 0.8, -2};

    @Test
    void trackerAndPredictorAgreeOnTheLevelsOfThePositivePart() {
        Trace trace = ScalarTraces.identicalStart(LAMBDA, 3, 0.01, 0.02, 40_000, 1);
        List<Plateau> predicted = PlateauBounds.predict(LAMBDA, 3, 0.01, 0.02, Initialization.IDENTITY,
                PlateauBounds.Accuracies.fixed(0.01, 0.005)).stream().map(PlateauCertificate::plateau).toList();
        Spectrum target = new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE);
        TrackResult result = SpectrumTracker.track(new TrackInput(trace, "trace", Optional.of(target), "target",
                Optional.of(predicted), "predicted"), new TrackConfig(0.01, 0.04, true), Progress.NONE);
        assertThat(result.plateaus()).extracting(ObservedPlateau::level).containsExactly(1.0, 1.5, 5.3 / 3);
        for (ObservedPlateau plateau : result.plateaus()) {
            Plateau certified = plateau.predicted().orElseThrow();
            assertThat(certified.certified()).as("r=%d", plateau.r()).isTrue();
            assertThat(plateau.recording()).contains("fine");
            // tolerance 0.04 ≥ every (64″) bound here, so the observed run must contain the certified interval
            assertThat(certified.bound().getAsDouble()).isLessThanOrEqualTo(0.04);
            PlateauRun observed = plateau.observed().orElseThrow();
            assertThat(observed.start()).isLessThanOrEqualTo(certified.start().getAsLong());
            assertThat(observed.end()).isGreaterThanOrEqualTo(certified.end().orElse(40_000));
        }
        assertThat(result.hittings().get(3).outcome()).isEqualTo(Hitting.Outcome.NOT_RECOVERED);
    }

    @Test
    void numericalZerosHaveNoHittingRowAndNoLevel() {
        double[] lambda = {2, 1, 3e-16};
        Trace trace = ScalarTraces.identicalStart(lambda, 2, 0.1, 0.05, 3_000, 1);
        TrackResult result = SpectrumTracker.track(new TrackInput(trace, "trace",
                Optional.of(new Spectrum(lambda, SpectrumKind.EIGENVALUE)), "target", Optional.empty(), "p"),
                TrackConfig.defaults(), Progress.NONE);
        assertThat(result.hittings()).extracting(Hitting::index).containsExactly(1, 2);
        assertThat(result.plateaus()).hasSize(2);
    }
}
