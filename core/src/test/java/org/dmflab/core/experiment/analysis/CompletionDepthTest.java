package org.dmflab.core.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.baseline.NuclearNormConfig;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.baseline.NuclearNormSolver;
import org.dmflab.core.baseline.ObservedEntries;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.ExperimentPresets;
import org.dmflab.core.experiment.preset.RunSpec;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.ExperimentRunner;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.model.Trace;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;

/** The completion-depth preset: its settings, and its analysis on a small instance of the same builder. */
class CompletionDepthTest {
    @Test
    void thePresetIsTheFieldsBenchmark() {
        ExperimentPreset preset = ExperimentPresets.named("completion-depth");
        assertThat(preset.groundTruth()).containsEntry("spectrum", "gaussian-factors:5").containsEntry("n", "100");
        assertThat(preset.runs()).hasSize(6);
        assertThat(preset.runs().stream().map(run -> run.observations().orElseThrow()).distinct())
                .containsExactly("2000", "5000");
        for (RunSpec run : preset.runs()) {
            int depth = Integer.parseInt(run.train().get(TrainSettings.DEPTH));
            double sigma = Double.parseDouble(run.train().get(TrainSettings.SIGMA));
            // E‖W(0)‖²_F = σ^{2N}·100^{N+1} = (10⁻⁴·‖Φ‖_F)² = 10⁻⁴ for every depth
            assertThat(Math.pow(sigma, 2 * depth) * Math.pow(100, depth + 1)).isCloseTo(1e-4, within(1e-16));
            assertThat(run.train()).containsEntry(TrainSettings.LOSS, "completion");
        }
    }

    /**
     * Runs that end at the budget before the loss tolerance are named as budget snapshots, in the report's caption,
     * key numbers and findings; with a budget the runs outlast, every run says it reached the tolerance.
     */
    @Test
    void runsStoppedByTheBudgetAreCalledSnapshots() {
        ExperimentRun shortRun = ExperimentRunner.run(ExperimentPresets.completionDepth(12, 1, new int[]{40}, 20),
                Progress.NONE);
        AnalysisOutput analysis = PresetAnalysis.of(shortRun.preset().analysis()).analyse(shortRun);
        String said = (String) analysis.keyNumbers().get("where the runs stopped");
        assertThat(shortRun.runs()).noneMatch(RunOutcome::reachedTolerance);
        assertThat(said).startsWith("Stopped at the iteration budget of 20 before the observed-entries loss reached "
                + "1e-10").contains("snapshots at that budget, not converged values", "M = 40, N = 2 (loss ",
                "M = 40, N = 4 (loss ", "(every run)");
        assertThat(analysis.findings()).contains(said);
        assertThat(analysis.charts().get(0).caption()).endsWith(said);
        // every entry observed: runs that reach the tolerance are not named, those that do not are
        ExperimentRun longRun = ExperimentRunner.run(ExperimentPresets.completionDepth(12, 1, new int[]{144}, 3000),
                Progress.NONE);
        String mixed = (String) PresetAnalysis.of(longRun.preset().analysis()).analyse(longRun).keyNumbers()
                .get("where the runs stopped");
        int reached = 0;
        for (RunOutcome outcome : longRun.runs()) {
            if (outcome.reachedTolerance()) {
                reached++;
                assertThat(outcome.training().finalLoss()).isLessThanOrEqualTo(1e-10);
                assertThat(mixed).doesNotContain(outcome.spec().title() + " (loss");
            } else {
                assertThat(outcome.training().iterations()).isEqualTo(3000);
                assertThat(mixed).contains(outcome.spec().title() + " (loss");
            }
        }
        assertThat(mixed).endsWith(reached == longRun.runs().size() ? "Every run stopped when its observed-entries "
                + "loss reached 1e-10." : reached == 0 ? "(every run)." : "; the other runs reached it.");
    }

    /** A 12×12 rank-1 instance: every promised file, and the table equal to each trace's last point. */
    @Test
    void smallInstanceWritesTheTableAndTheCharts() {
        ExperimentPreset preset = ExperimentPresets.completionDepth(12, 1, new int[]{40, 90}, 1500);
        ExperimentOutput output = ExperimentReport.of(ExperimentRunner.run(preset, Progress.NONE));
        assertThat(output.charts()).containsKeys("completion-depth.png", "completion-error.png");
        Table table = output.tables().get("completion-depth.csv");
        assertThat(table.rowCount()).isEqualTo(8);
        List<String> columns = table.columnNames();
        assertThat(columns).startsWith("observed", "depth", "relative_error", "error_unobserved");
        ExperimentRun run = ExperimentRunner.run(preset, Progress.NONE);
        for (int row = 0; row < 6; row++) {
            RunOutcome outcome = run.runs().get(row);
            // W's 11 singular values where the rank-1 target has zeros are drawn (a grey band): where a failing
            // completion run goes wrong
            assertThat(org.dmflab.core.chart.TrackCharts.eigenvalues(outcome.track()).getXYPlot().getDataset()
                    .getSeriesCount()).isEqualTo(12);
            assertThat(org.dmflab.core.chart.TrackCharts.caption("eigenvalues", outcome.track(), ""))
                    .contains("grey band: W's 11 singular values where the target's are zero");
            Trace trace = outcome.training().trace();
            int last = trace.size() - 1;
            assertThat(table.doubleAt(row, 0)).isEqualTo(Double.parseDouble(outcome.spec().observations().get()));
            assertThat(table.doubleAt(row, 2)).isEqualTo(trace.relativeError(last));
            assertThat(table.doubleAt(row, 3)).isEqualTo(trace.errorUnobserved(last));
            assertThat(trace.errorUnobserved(last)).isLessThanOrEqualTo(trace.errorFro(last));
            assertThat(table.cell(row, 7)).isEqualTo(trace.relativeError(last) <= CompletionDepth.RECOVERED
                    ? "yes" : "no");
            double nuclearNorm = 0;
            for (double value : SingularOps_DDRM.singularValues(outcome.training().product())) {
                nuclearNorm += value;
            }
            assertThat(table.doubleAt(row, 8)).isCloseTo(nuclearNorm, within(1e-12 * nuclearNorm));
            assertThat(table.cell(row, 9)).isEqualTo("gradient descent");
        }
        // then the nuclear-norm baseline on the same entries, one row per M (docs/theory.md §8.4)
        for (int row = 6; row < 8; row++) {
            int observed = row == 6 ? 40 : 90;
            Map<String, String> settings = new java.util.LinkedHashMap<>(preset.groundTruth());
            settings.put(GroundTruthSettings.OBSERVATIONS, Integer.toString(observed));
            GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(settings),
                    Optional.empty()));
            NuclearNormResult baseline = NuclearNormSolver.solve(new ObservedEntries(truth.observations()
                    .orElseThrow()), new NuclearNormConfig(NuclearNormSettings.DEFAULT_TOLERANCE,
                    NuclearNormSettings.DEFAULT_ITERATIONS), Progress.NONE);
            assertThat(table.doubleAt(row, 0)).isEqualTo(observed);
            assertThat(table.cell(row, 1)).as("no depth").isNull();
            assertThat(table.doubleAt(row, 2)).isEqualTo(baseline.relativeError(truth.matrix()));
            assertThat(table.doubleAt(row, 8)).isEqualTo(baseline.nuclearNorm());
            assertThat(table.cell(row, 9)).isEqualTo("nuclear-norm minimization");
        }
        // rank 1, 12×12 from 40 entries: depth 2 fails (measured 0.357), depth 3, 4 come close (0.014, 0.011); from 90
        // entries depths 3 and 4 recover it (6e-4, 2e-4) within the 1500 iterations
        assertThat(table.doubleAt(0, 2)).isGreaterThan(0.1);
        assertThat(table.doubleAt(1, 2)).isLessThan(0.1 * table.doubleAt(0, 2));
        for (int row = 4; row < 6; row++) {
            assertThat(table.doubleAt(row, 2)).as("M = 90, row %d", row).isLessThan(CompletionDepth.RECOVERED);
        }
        assertThat(output.summary()).anyMatch(line -> line.contains("relative error ‖W − Φ‖_F/‖Φ‖_F at the end of "
                + "each run: M = 40, N = 2: 0.357"));
        String html = new String(output.report(), StandardCharsets.UTF_8);
        assertThat(html).contains("generate [M = 40, N = 2]: observations</th><td>40<");
        assertThat(output.tables().get("settings.csv").rowIds()).isNotEmpty();
    }
}
