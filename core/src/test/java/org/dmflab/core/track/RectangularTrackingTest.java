package org.dmflab.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.TrainingResult;
import org.dmflab.core.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The tracker on a real m×n run, through the tables as the nodes pass them. A 5 × 8 target with
 * singular values (4, 2, 1) trained by matrix gradient descent from a small Gaussian start: the target's spectrum is
 * read as singular values; the plateau levels are r_eff of the rank-r truncations, by hand 4/4 = 1, 6/4 = 1.5,
 * 7/4 = 1.75; the effective rank is Σσ/σ₁ of the trace's sigma columns; each hitting iteration is the first recorded
 * iteration with |σᵢ(k) − sᵢ| ≤ ε·sᵢ, found here by scanning the trace directly.
 */
class RectangularTrackingTest {
    @Test
    void aRectangularRunIsTrackedOnItsSingularValues() {
        GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(Map.of(
                "spectrum", "4,2,1", "m", "5", "n", "8", "seed", "3")), Optional.empty()));
        assertThat(truth.matrix().numRows).isEqualTo(5);
        assertThat(truth.matrix().numCols).isEqualTo(8);
        TrainingResult run = Trainer.plan(TrainSettings.parse(RawSettings.of(Map.of("depth", "3", "step", "0.02",
                "init", "gaussian", "sigma", "0.05", "seed", "4", "iterations", "4000", "record", "every:10",
                "solver", "matrix", "width", "8"))), truth.matrix(), Optional.empty()).run(Progress.NONE);
        double epsilon = 0.01;
        TrackResult track = SpectrumTracker.track(TrackInput.fromTables(run.traceTable(), "trace",
                Optional.of(truth.matrixTable()), "target", Optional.empty(), "none"),
                TrackSettings.parse(RawSettings.of(Map.of("epsilon", Double.toString(epsilon)))), Progress.NONE);

        assertThat(track.input().target().orElseThrow().kind()).isEqualTo(SpectrumKind.SINGULAR_VALUE);
        double[] levels = {1, 1.5, 1.75};
        for (int r = 1; r <= levels.length; r++) {
            assertThat(track.plateaus().get(r - 1).r()).isEqualTo(r);
            assertThat(track.plateaus().get(r - 1).level()).as("level r = %d", r).isCloseTo(levels[r - 1],
                    within(1e-12));
        }
        Trace trace = track.input().trace();
        assertThat(trace.sigmaCount()).isEqualTo(5);
        for (int point = 0; point < trace.size(); point++) {
            double[] sigma = trace.sigmas(point);
            double sum = 0;
            for (double s : sigma) {
                sum += s;
            }
            assertThat(track.effectiveRank()[point]).isCloseTo(sum / sigma[0], within(1e-12 * sum / sigma[0]));
        }
        double[] target = {4, 2, 1};
        assertThat(track.hittings()).hasSize(3);
        for (int i = 0; i < target.length; i++) {
            Long expected = null;
            for (int point = 0; point < trace.size() && expected == null; point++) {
                if (Math.abs(trace.sigma(point, i) - target[i]) <= epsilon * target[i]) {
                    expected = trace.iteration(point);
                }
            }
            assertThat(expected).as("σ%d reaches %s within the run", i + 1, target[i]).isNotNull();
            Hitting hitting = track.hittings().get(i);
            assertThat(hitting.lambda()).isCloseTo(target[i], within(1e-12));
            assertThat(hitting.kHit().orElseThrow()).as("k_hit of σ%d", i + 1).isEqualTo(expected);
        }
        // learned largest first, the incremental learning of docs/theory.md
        assertThat(track.hittings().get(0).kHit().orElseThrow()).isLessThan(track.hittings().get(1).kHit()
                .orElseThrow());
        assertThat(track.hittings().get(1).kHit().orElseThrow()).isLessThan(track.hittings().get(2).kHit()
                .orElseThrow());
        assertThat(TrackCharts.eigenvalues(track).getTitle().getText()).contains("Singular values");
    }
}
