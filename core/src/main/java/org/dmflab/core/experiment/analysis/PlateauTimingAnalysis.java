package org.dmflab.core.experiment.analysis;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.track.ObservedPlateau;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.predict.EigenvalueBounds;
import org.jfree.chart.JFreeChart;

/**
 * Plateau timing against the initial scale (the paper's Remark 1.2, docs/theory.md §5.7): the first and last recorded
 * iteration of each observed plateau r against log₁₀(1/α), next to the small-α estimate (12′) of the iteration at which
 * λ_r is learned — the plateau's entry. For Gaussian starts the scale is α = σ·√d (d the inner width: the typical
 * ‖W_j(0)‖_F/√n, as ‖αI‖_F/√n = α), and the theory has no estimate. The last plateau (the target's rank) has no exit.
 */
final class PlateauTimingAnalysis implements PresetAnalysis {
    private static final List<Column> TIMING = List.of(Column.of("start", ColumnType.STRING),
            Column.of("scale", ColumnType.DOUBLE), Column.of("log10_inverse_scale", ColumnType.DOUBLE),
            Column.of("r", ColumnType.INTEGER), Column.of("level", ColumnType.DOUBLE),
            Column.nullable("entry", ColumnType.LONG), Column.nullable("exit", ColumnType.LONG),
            Column.nullable("k_hit", ColumnType.LONG), Column.nullable("k_asymptotic", ColumnType.DOUBLE),
            Column.nullable("entry_over_k_asymptotic", ColumnType.DOUBLE));

    /** One run's plateau r: where it was entered and left, when λ_r was learned and (12′)'s estimate of that. */
    record Timing(Initialization start, double scale, int r, double level, OptionalLong entry, OptionalLong exit,
                  OptionalLong kHit, OptionalDouble estimate) {
        double logInverseScale() {
            return -Math.log10(scale);
        }
    }

    @Override
    public AnalysisOutput analyse(ExperimentRun run) {
        List<Timing> timings = timings(run.runs());
        Table.Builder table = Table.builder(TIMING);
        for (Timing timing : timings) {
            Double ratio = timing.entry().isPresent() && timing.estimate().isPresent()
                    ? timing.entry().getAsLong() / timing.estimate().getAsDouble() : null;
            table.addRow(timing.start().key(), timing.scale(), timing.logInverseScale(), timing.r(), timing.level(),
                    ReportValues.boxed(timing.entry()), ReportValues.boxed(timing.exit()),
                    ReportValues.boxed(timing.kHit()),
                    timing.estimate().isPresent() ? timing.estimate().getAsDouble() : null, ratio);
        }
        Table built = table.build();
        AnalysisOutput.Builder output = AnalysisOutput.builder()
                .table("plateau-timing.csv", built)
                .chart("plateau-timing.png", chart("Plateau entry and exit against the initial scale α (identity "
                        + "start)", "log₁₀(1/α)", timings, Initialization.IDENTITY), "Identity starts αI: the first "
                        + "(solid) and last (dashed) recorded iteration of each observed effective-rank plateau r, "
                        + "against log₁₀(1/α) on a log iteration axis; dashed in a colour of its own: the small-α "
                        + "estimate (12′) of the iteration at which λ_r is learned (docs/theory.md §5.7, the paper's "
                        + "Remark 1.2). For N ≥ 3 it grows like α^{2−N}/((N−2)ηλ_r): a straight line of slope N − 2 "
                        + "in these axes. A plateau's exit is the next one's entry.")
                .chart("plateau-timing-gaussian.png", chart("Plateau entry and exit against the initial scale "
                        + "σ·√d (Gaussian start)", "log₁₀(1/(σ·√d))", timings, Initialization.GAUSSIAN), "Gaussian "
                        + "starts with standard deviation σ and inner width d: the same plateau iterations against "
                        + "log₁₀(1/(σ√d)), σ√d being the typical ‖W_j(0)‖_F/√n (as α for αI). The theory has no "
                        + "estimate for random starts.")
                .keyTable("Per run and plateau: entry and exit (first and last recorded iteration of the observed "
                        + "plateau), k_hit of λ_r, the small-α estimate (12′) and the entry's ratio to it", built);
        for (int r = 1; r <= maxR(timings); r++) {
            int rank = r;
            double slope = slope(timings.stream().filter(t -> t.start() == Initialization.IDENTITY && t.r() == rank
                    && t.entry().isPresent()).toList());
            output.keyNumber("slope of log₁₀(entry) against log₁₀(1/α), r = " + r + " (identity start)", slope);
        }
        output.finding(finding(timings));
        return output.build();
    }

    /** The timings of every run and plateau, in run order. */
    static List<Timing> timings(List<RunOutcome> runs) {
        List<Timing> timings = new ArrayList<>();
        for (RunOutcome outcome : runs) {
            Initialization start = outcome.train().init();
            double scale = start == Initialization.GAUSSIAN
                    ? outcome.train().sigma() * Math.sqrt(outcome.training().factors().get(0).numRows)
                    : outcome.train().alpha();
            List<ObservedPlateau> plateaus = outcome.track().plateaus();
            for (ObservedPlateau plateau : plateaus) {
                boolean last = plateau.r() == plateaus.size();
                OptionalLong entry = plateau.observed().map(run -> OptionalLong.of(run.start()))
                        .orElse(OptionalLong.empty());
                OptionalLong exit = last ? OptionalLong.empty() : plateau.observed()
                        .map(run -> OptionalLong.of(run.end())).orElse(OptionalLong.empty());
                OptionalDouble estimate = outcome.prediction().flatMap(prediction -> prediction.bounds().stream()
                        .filter(bounds -> bounds.index() == plateau.r()).findFirst())
                        .map(EigenvalueBounds::asymptotic).orElse(OptionalDouble.empty());
                timings.add(new Timing(start, scale, plateau.r(), plateau.level(), entry, exit,
                        ReportValues.kHit(outcome, plateau.r()), estimate));
            }
        }
        return timings;
    }

    private static JFreeChart chart(String title, String xLabel, List<Timing> timings, Initialization start) {
        LineChart.Builder chart = LineChart.builder(title).xAxis(xLabel, false)
                .yAxis("iteration k (log scale)", true);
        for (int r = 1; r <= maxR(timings); r++) {
            int rank = r;
            List<Timing> ofR = timings.stream().filter(t -> t.start() == start && t.r() == rank).toList();
            Color color = ChartStyle.seriesColor(r - 1);
            series(chart, "entry, plateau r = " + r, ofR, t -> t.entry().isPresent()
                    ? t.entry().getAsLong() : Double.NaN, color, false);
            if (ofR.stream().anyMatch(t -> t.exit().isPresent())) {
                series(chart, "exit, plateau r = " + r, ofR, t -> t.exit().isPresent()
                        ? t.exit().getAsLong() : Double.NaN, color, true);
            }
            if (ofR.stream().anyMatch(t -> t.estimate().isPresent())) {
                series(chart, "(12′) estimate for " + ChartStyle.subscripted("λ", r), ofR,
                        t -> t.estimate().orElse(Double.NaN), ChartStyle.seriesColor(r + 2), true);
            }
        }
        return chart.build();
    }

    private static void series(LineChart.Builder chart, String name, List<Timing> timings,
                               java.util.function.ToDoubleFunction<Timing> value, Color color,
                               boolean dashed) {
        double[] x = timings.stream().mapToDouble(Timing::logInverseScale).toArray();
        double[] y = timings.stream().mapToDouble(value).toArray();
        chart.series(name, x, y, color, dashed);
    }

    private static int maxR(List<Timing> timings) {
        return timings.stream().mapToInt(Timing::r).max().orElse(0);
    }

    /** The least-squares slope of log₁₀(entry) against log₁₀(1/α); NaN with fewer than two points. */
    static double slope(List<Timing> timings) {
        int n = timings.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = 0;
        double meanY = 0;
        for (Timing t : timings) {
            meanX += t.logInverseScale() / n;
            meanY += Math.log10(t.entry().getAsLong()) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (Timing t : timings) {
            double dx = t.logInverseScale() - meanX;
            sxy += dx * (Math.log10(t.entry().getAsLong()) - meanY);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** The largest deviation of an identity run's plateau entry from (12′), said in one line. */
    private static String finding(List<Timing> timings) {
        double worst = 0;
        int compared = 0;
        for (Timing t : timings) {
            if (t.entry().isPresent() && t.estimate().isPresent()) {
                worst = Math.max(worst, Math.abs(t.entry().getAsLong() / t.estimate().getAsDouble() - 1));
                compared++;
            }
        }
        return String.format(Locale.ROOT, "plateau-timing: %d plateau entries of identity starts against the "
                + "small-α estimate (12′): largest relative deviation %.1f %%", compared, 100 * worst);
    }
}
