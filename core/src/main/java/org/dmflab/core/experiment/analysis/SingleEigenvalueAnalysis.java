package org.dmflab.core.experiment.analysis;

import static org.dmflab.core.experiment.analysis.ReportValues.boxed;

import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.predict.EigenvalueBounds;

/** Fig. 4: one eigenvalue's trajectory against the predicted iteration counts. */
final class SingleEigenvalueAnalysis implements PresetAnalysis {
    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        RunOutcome outcome = run.runs().get(0);
        EigenvalueBounds bounds = outcome.prediction().orElseThrow().bounds().get(0);
        return AnalysisOutput.builder()
                .chart("single-eigenvalue.png", ExperimentCharts.singleEigenvalue(outcome, false), "The product "
                        + "eigenvalue x(k)ᴺ on a log scale: a long slow growth from αᴺ, then a fast rise to λ (the "
                        + "two-stage behavior of Theorem 2.4′); vertical lines: the predicted iteration counts, one "
                        + "line and one label for counts that coincide.")
                .chart("single-eigenvalue-zoom.png", ExperimentCharts.singleEigenvalue(outcome, true), "The same, "
                        + "zoomed to the iterations around the predicted counts, where the markers a few iterations "
                        + "apart stand apart.")
                .keyNumber("k_hit (tracker, every iteration recorded)", boxed(outcome.track().hittings().get(0).kHit()))
                .keyNumber("k_exact (recursion (18))", boxed(bounds.exact()))
                .keyNumber("k_lower (27′), rigorous", boxed(bounds.lower()))
                .keyNumber("k_upper (24′), rigorous", boxed(bounds.upper()))
                .keyNumber("k_flow (22′), estimate", bounds.flow().isPresent() ? bounds.flow().getAsDouble() : null)
                .keyNumber("k_asymptotic (12′), estimate of k_upper", bounds.asymptotic().isPresent()
                        ? bounds.asymptotic().getAsDouble() : null)
                .keyNumber("regime", bounds.regime())
                .build();
    }
}
