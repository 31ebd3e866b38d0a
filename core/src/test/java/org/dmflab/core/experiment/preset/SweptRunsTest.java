package org.dmflab.core.experiment.preset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.theory.StepSizeBounds;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;

/**
 * The presets that are sweeps: their runs are the grid's points in grid order, each the one base run with the point's
 * swept (and derived) settings, checked against the presets' own formulas (docs/theory.md (10′)); every run keeps the
 * base run's keys in the base run's order, so the report's settings tables do not change with the machinery.
 */
class SweptRunsTest {
    @Test
    void depthPresetSweepsTheDepthWithHalfItsAdmissibleStep() {
        ExperimentPreset depth = ExperimentPresets.named("depth");
        assertThat(depth.runs()).hasSize(5);
        for (int n = 1; n <= 5; n++) {
            RunSpec run = depth.runs().get(n - 1);
            assertThat(run.label()).isEqualTo("n" + n);
            assertThat(run.title()).isEqualTo("N = " + n);
            assertThat(run.train().get(TrainSettings.DEPTH)).isEqualTo(Integer.toString(n));
            assertThat(Double.parseDouble(run.train().get(TrainSettings.STEP)))
                    .isEqualTo(0.5 * StepSizeBounds.uniform(4, 0.1, n));
            // the prediction is of the run made: same depth and step
            assertThat(run.predict().orElseThrow().get(TrainSettings.DEPTH)).isEqualTo(Integer.toString(n));
            assertThat(run.predict().orElseThrow().get(TrainSettings.STEP)).isEqualTo(run.train().get(
                    TrainSettings.STEP));
            assertThat(run.train().keySet()).containsExactlyElementsOf(depth.runs().get(0).train().keySet());
        }
    }

    @Test
    void flowVsDescentSweepsSolverAndStepOverOneTimeHorizon() {
        List<RunSpec> runs = ExperimentPresets.named("flow-vs-descent").runs();
        assertThat(runs.stream().map(RunSpec::label)).containsExactly("flow", "descent-50", "descent-100",
                "descent-190");
        assertThat(runs.stream().map(run -> run.train().get(TrainSettings.SOLVER)))
                .containsExactly("flow", "spectral", "spectral", "spectral");
        double admissible = StepSizeBounds.uniform(3, 0.1, 3);
        double[] fractions = {0.05, 0.5, 1.0, 1.9};
        for (int i = 0; i < runs.size(); i++) {
            double step = Double.parseDouble(runs.get(i).train().get(TrainSettings.STEP));
            assertThat(step).isEqualTo(fractions[i] * admissible);
            // every run covers the time t = ηk = 50 to within half a step (the budget is rounded)
            long iterations = Long.parseLong(runs.get(i).train().get(TrainSettings.ITERATIONS));
            assertThat(Math.abs(step * iterations - 50)).isLessThanOrEqualTo(step / 2 + 1e-12);
            assertThat(runs.get(i).predict().orElseThrow().get(TrainSettings.STEP))
                    .isEqualTo(runs.get(i).train().get(TrainSettings.STEP));
        }
    }

    @Test
    void completionDepthSweepsObservationsOutermostThenDepthWithDerivedSteps() {
        int n = 16;
        int[] observed = {80, 120};
        ExperimentPreset preset = ExperimentPresets.completionDepth(n, 2, observed, 100);
        double norm = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(preset.groundTruth()),
                Optional.empty())).spectrum().values()[0];
        assertThat(preset.runs()).hasSize(6);
        int index = 0;
        for (int count : observed) {
            for (int depth = 2; depth <= 4; depth++) {
                RunSpec run = preset.runs().get(index++);
                assertThat(run.label()).isEqualTo("m" + count + "-n" + depth);
                assertThat(run.observations()).contains(Integer.toString(count));
                assertThat(run.train().get(TrainSettings.DEPTH)).isEqualTo(Integer.toString(depth));
                double step = Math.min(0.01, (double) n * n / count / (depth * Math.pow(norm, 2 - 2.0 / depth)));
                assertThat(run.train().get(TrainSettings.STEP)).isEqualTo(String.format(Locale.ROOT, "%.3g", step));
                assertThat(run.train().keySet()).containsExactlyElementsOf(preset.runs().get(0).train().keySet());
            }
        }
        assertThat(index).isEqualTo(6);
    }
}
