package org.dmflab.core.experiment.analysis;

import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.table.Table;

/** Matrix completion (docs/theory.md §8.3): the depth effect, by {@link CompletionDepth}. */
final class CompletionDepthAnalysis implements PresetAnalysis {
    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        CompletionDepth analysis = new CompletionDepth(run.runs(), CompletionBaselines.solve(run,
                CompletionDepth.observedCounts(run.runs())), run.truth().matrix());
        Table table = analysis.table();
        String snapshots = budgetSnapshots(run);
        return AnalysisOutput.builder()
                .table("completion-depth.csv", table)
                .chart("completion-depth.png", analysis.errorByDepth(), "Final relative error ‖W − Φ‖_F/‖Φ‖_F of "
                        + "each depth, one line per number of observed entries M (the same rank-5 matrix; "
                        + "docs/theory.md §8.3). Below the grey line (" + CompletionDepth.RECOVERED + ") the run "
                        + "counts as a recovery; the coloured horizontal lines are the nuclear-norm minimum's error "
                        + "from the same entries (docs/theory.md §8.4). " + snapshots)
                .chart("completion-error.png", analysis.errorOverIterations(), "Relative error during training: "
                        + "colour = depth, solid = the smaller M, dashed = the larger M.")
                .keyTable("Per run: final relative error, error on the unobserved entries, loss on the observed "
                        + "ones, effective rank, iterations run. " + snapshots, table)
                .keyNumber("where the runs stopped", snapshots)
                .finding(analysis.finding())
                .finding(snapshots)
                .build();
    }

    /**
     * Which runs stopped at the loss tolerance (the field's stopping rule: a training-error threshold) and which at the
     * iteration budget: the latter's errors are snapshots at the budget, not converged values.
     */
    static String budgetSnapshots(ExperimentRun run) {
        java.util.List<String> budget = new java.util.ArrayList<>();
        for (RunOutcome outcome : run.runs()) {
            if (!outcome.reachedTolerance()) {
                budget.add(outcome.spec().title() + " (loss " + String.format(java.util.Locale.ROOT, "%.2g",
                        outcome.training().finalLoss()) + ")");
            }
        }
        String tolerance = String.format(java.util.Locale.ROOT, "%.0e", run.runs().get(0).train().tolerance());
        return budget.isEmpty() ? "Every run stopped when its observed-entries loss reached " + tolerance + "."
                : "Stopped at the iteration budget of " + run.runs().get(0).train().iterations() + " before the "
                + "observed-entries loss reached " + tolerance + ", so their numbers are snapshots at that budget, not "
                + "converged values: " + String.join(", ", budget) + (budget.size() == run.runs().size() ? " (every run)"
                : "; the other runs reached it") + ".";
    }
}
