package org.dmflab.core.experiment.analysis;

import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.table.Table;

/** Matrix completion (docs/theory.md §8.3): the depth effect, by {@link CompletionDepth}. */
final class CompletionDepthAnalysis implements PresetAnalysis {
    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        CompletionDepth analysis = new CompletionDepth(run.runs(), CompletionBaselines.solve(run,
                CompletionDepth.observedCounts(run.runs())), run.truth().matrix());
        Table table = analysis.table();
        return AnalysisOutput.builder()
                .table("completion-depth.csv", table)
                .chart("completion-depth.png", analysis.errorByDepth(), "Final relative error ‖W − Φ‖_F/‖Φ‖_F of "
                        + "each depth, one line per number of observed entries M (the same rank-5 matrix; "
                        + "docs/theory.md §8.3). Below the grey line (" + CompletionDepth.RECOVERED + ") the run "
                        + "counts as a recovery; the coloured horizontal lines are the nuclear-norm minimum's error "
                        + "from the same entries (docs/theory.md §8.4).")
                .chart("completion-error.png", analysis.errorOverIterations(), "Relative error during training: "
                        + "colour = depth, solid = the smaller M, dashed = the larger M.")
                .keyTable("Per run: final relative error, error on the unobserved entries, loss on the observed "
                        + "ones, effective rank, iterations run", table)
                .finding(analysis.finding())
                .build();
    }
}
