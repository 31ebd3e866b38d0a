package org.dmflab.core.experiment.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.chart.TraceOverlays;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jfree.chart.JFreeChart;

/**
 * Razin and Cohen's 2×2 completion (docs/theory.md §7.6): any fit of the observed entries has det W = −1, so from
 * det W(0) > 0 the balanced flow can approach them only as the unobserved W₁₁ and every norm grow without bound while
 * the effective rank falls to 1. The report draws |W₁₁|, the norms and both effective ranks along each run (colour =
 * depth; solid = balanced identity start, dashed = unbalanced Gaussian start) and tabulates where each run got to,
 * including the balancedness at k = 0 and det W at the end: a run whose det W crossed 0 has left that regime.
 */
final class NormsVsRankAnalysis implements PresetAnalysis {
    private static final List<Column> SUMMARY = List.of(Column.of("start", ColumnType.STRING),
            Column.of("depth", ColumnType.INTEGER), Column.of("balancedness_at_start", ColumnType.DOUBLE),
            Column.of("largest_abs_w11", ColumnType.DOUBLE), Column.of("k_largest", ColumnType.LONG),
            Column.of("smallest_sigma_ratio", ColumnType.DOUBLE),
            Column.of("final_abs_w11", ColumnType.DOUBLE), Column.of("final_norm_fro", ColumnType.DOUBLE),
            Column.of("final_norm_nuclear", ColumnType.DOUBLE), Column.of("final_schatten_2_over_n", ColumnType.DOUBLE),
            Column.of("final_entropy_effective_rank", ColumnType.DOUBLE), Column.of("final_effective_rank",
                    ColumnType.DOUBLE), Column.of("final_loss", ColumnType.DOUBLE),
            Column.of("final_determinant", ColumnType.DOUBLE), Column.of("iterations", ColumnType.LONG));

    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        Table.Builder summary = Table.builder(SUMMARY);
        AnalysisOutput.Builder output = AnalysisOutput.builder();
        for (RunOutcome outcome : run.runs()) {
            Trace trace = outcome.training().trace();
            int largest = argMax(trace, trace::errorUnobserved);
            int flattest = argMax(trace, point -> -sigmaRatio(trace, point));
            int last = trace.size() - 1;
            DMatrixRMaj product = outcome.training().product();
            double determinant = CommonOps_DDRM.det(product);
            summary.addRow(outcome.train().init().key(), outcome.train().depth(),
                    trace.value(TraceMetric.BALANCEDNESS, 0), trace.errorUnobserved(largest), trace.iteration(largest),
                    sigmaRatio(trace, flattest), Math.abs(product.get(0, 0)), trace.value(TraceMetric.NORM_FRO, last),
                    trace.value(TraceMetric.NORM_NUCLEAR, last), trace.value(TraceMetric.SCHATTEN_2_OVER_N, last),
                    trace.value(TraceMetric.ENTROPY_EFFECTIVE_RANK, last), trace.effectiveRank(last),
                    outcome.training().finalLoss(), determinant, outcome.training().iterations());
            output.finding(String.format(Locale.ROOT, "%s: |W₁₁| up to %.3g (k = %d), σ₂/σ₁ down to %.2g, det W = "
                            + "%.3g at the end", outcome.spec().title(), trace.errorUnobserved(largest),
                    trace.iteration(largest), sigmaRatio(trace, flattest), determinant));
        }
        Table table = summary.build();
        return output.table("norms-vs-rank.csv", table)
                .chart("norms-vs-rank.png", rankAgainstNorm(run.runs()), "The entropy effective rank exp(H(σ/Σσ)) "
                        + "against the nuclear norm ‖W‖_* along each run (Razin and Cohen's 2×2 completion, "
                        + "docs/theory.md §7.6; colour = depth, solid = identity start, dashed = Gaussian start with "
                        + "det W(0) > 0): where the run stays in det W > 0 the norm grows while the rank falls to 1.")
                .chart("unobserved-entry.png", overIterations("The unobserved entry", "|W₁₁| (log scale)", true,
                        run.runs(), Trace::errorUnobserved), "The unobserved entry |W₁₁| against the iteration. Any "
                        + "fit of the observed entries has det W = −1; from det W(0) > 0 it can be approached only as "
                        + "|W₁₁| → ∞. " + crossings(run.runs()))
                .chart("norms-over-iterations.png", overIterations("Nuclear norm", "‖W‖_* (log scale)", true,
                        run.runs(), (trace, point) -> trace.value(TraceMetric.NORM_NUCLEAR, point)),
                        "The nuclear norm ‖W‖_* against the iteration; the table has ‖W‖_F and the Schatten-2/N "
                                + "quasi-norm at the end.")
                .chart("entropy-rank-over-iterations.png", overIterations("Entropy effective rank",
                        "exp(H(σ/Σσ))", false, run.runs(),
                        (trace, point) -> trace.value(TraceMetric.ENTROPY_EFFECTIVE_RANK, point)),
                        "The entropy effective rank exp(H(σ/Σσ)) against the iteration (the paper's effective rank "
                                + "‖W‖_*/‖W‖₂ is in each run's effective-rank chart).")
                .keyTable("Per run: the balancedness at k = 0 (0 for the identity start), the largest |W₁₁| and "
                        + "when, the smallest σ₂/σ₁, the final norms, ranks, loss on the observed entries and det W",
                        table)
                .build();
    }

    /** Which runs kept det W > 0 to the end and which crossed 0 (said from the final products, not assumed). */
    private static String crossings(List<RunOutcome> runs) {
        List<String> kept = runs.stream().filter(run -> CommonOps_DDRM.det(run.training().product()) > 0)
                .map(run -> run.spec().title()).toList();
        List<String> crossed = runs.stream().filter(run -> !(CommonOps_DDRM.det(run.training().product()) > 0))
                .map(run -> run.spec().title()).toList();
        return (kept.isEmpty() ? "No run kept det W > 0. " : "det W stayed > 0 and |W₁₁| kept growing in: "
                + String.join("; ", kept) + ". ") + (crossed.isEmpty() ? "" : "det W crossed 0 (gradient descent in "
                + "floating point, or an unbalanced start, can; the balanced flow cannot) in: " + String.join("; ",
                crossed) + "; from there W approaches a finite fit.");
    }

    /** exp(H) against ‖W‖_*, log x. */
    static JFreeChart rankAgainstNorm(List<RunOutcome> runs) {
        LineChart.Builder chart = LineChart.builder("Entropy effective rank against the nuclear norm")
                .xAxis("nuclear norm ‖W‖_* (log scale)", true)
                .yAxis("entropy effective rank exp(H(σ/Σσ))", false);
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            chart.series(run.spec().title(), column(trace, point -> trace.value(TraceMetric.NORM_NUCLEAR, point)),
                    column(trace, point -> trace.value(TraceMetric.ENTROPY_EFFECTIVE_RANK, point)),
                    ChartStyle.seriesColor(run.train().depth() - 2), run.train().init() == Initialization.GAUSSIAN);
        }
        return chart.build();
    }

    /** A trace value of every run against the iteration (log x); colour = depth, dashed = Gaussian start. */
    private static JFreeChart overIterations(String title, String yLabel, boolean logY, List<RunOutcome> runs,
                                             TraceValue value) {
        LineChart.Builder chart = LineChart.builder(title).xAxis(TraceOverlays.LOG_ITERATION, true)
                .yAxis(yLabel, logY);
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            chart.series(run.spec().title(), column(trace, trace::iteration),
                    column(trace, point -> value.at(trace, point)), ChartStyle.seriesColor(run.train().depth() - 2),
                    run.train().init() == Initialization.GAUSSIAN);
        }
        return chart.build();
    }

    /** A value of a trace at a recorded point. */
    private interface TraceValue {
        double at(Trace trace, int point);
    }

    private static double sigmaRatio(Trace trace, int point) {
        return trace.sigma(point, 1) / trace.sigma(point, 0);
    }

    private static double[] column(Trace trace, IntToDoubleFunction value) {
        double[] values = new double[trace.size()];
        for (int point = 0; point < values.length; point++) {
            values[point] = value.applyAsDouble(point);
        }
        return values;
    }

    private static int argMax(Trace trace, IntToDoubleFunction value) {
        int best = 0;
        for (int point = 1; point < trace.size(); point++) {
            if (value.applyAsDouble(point) > value.applyAsDouble(best)) {
                best = point;
            }
        }
        return best;
    }
}
