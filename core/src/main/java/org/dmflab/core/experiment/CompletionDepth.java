package org.dmflab.core.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

/**
 * The depth effect of matrix completion (docs/theory.md §8.3): final reconstruction error of every (number of observed
 * entries, depth) run of a completion preset, its table and its charts.
 */
final class CompletionDepth {
    /** A run counts as a recovery when its relative error ‖W − Φ‖_F/‖Φ‖_F is at most this. */
    static final double RECOVERED = 1e-2;

    private final List<RunOutcome> runs;

    CompletionDepth(List<RunOutcome> runs) {
        for (RunOutcome run : runs) {
            if (run.spec().observations().isEmpty() || !run.training().trace().completion()) {
                throw new IllegalArgumentException("run " + run.spec().label() + " is no completion run");
            }
        }
        this.runs = List.copyOf(runs);
    }

    /** One row per run: observed, depth, relative_error, error_unobserved, observed_loss, effective_rank, iterations. */
    Table table() {
        Table.Builder table = Table.builder(List.of(Column.of("observed", ColumnType.INTEGER),
                Column.of("depth", ColumnType.INTEGER), Column.of("relative_error", ColumnType.DOUBLE),
                Column.of("error_unobserved", ColumnType.DOUBLE), Column.of("observed_loss", ColumnType.DOUBLE),
                Column.of("effective_rank", ColumnType.DOUBLE), Column.of("iterations", ColumnType.LONG),
                Column.of("recovered", ColumnType.STRING)));
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            int last = trace.size() - 1;
            table.addRow(observed(run), depth(run), trace.relativeError(last), trace.errorUnobserved(last),
                    trace.loss(last), trace.effectiveRank(last), trace.iteration(last),
                    trace.relativeError(last) <= RECOVERED ? "yes" : "no");
        }
        return table.build();
    }

    /** Final relative error against the depth, one series per number of observed entries (log scale). */
    JFreeChart errorByDepth() {
        Map<Integer, List<RunOutcome>> byObserved = new TreeMap<>();
        for (RunOutcome run : runs) {
            byObserved.computeIfAbsent(observed(run), key -> new ArrayList<>()).add(run);
        }
        LineChart.Builder chart = LineChart.builder("Matrix completion: final error against depth")
                .subtitle(subtitle())
                .xAxis("depth N", false).yAxis("relative error ‖W − Φ‖_F / ‖Φ‖_F (log scale)", true);
        int color = 0;
        for (Map.Entry<Integer, List<RunOutcome>> entry : byObserved.entrySet()) {
            List<RunOutcome> group = entry.getValue();
            double[] x = new double[group.size()];
            double[] y = new double[group.size()];
            for (int i = 0; i < group.size(); i++) {
                Trace trace = group.get(i).training().trace();
                x[i] = depth(group.get(i));
                y[i] = trace.relativeError(trace.size() - 1);
            }
            chart.series(entry.getKey() + " observed entries", x, y, ChartStyle.seriesColor(color++), false);
        }
        chart.horizontalLine(RECOVERED, "recovery threshold " + RECOVERED, ChartStyle.REFERENCE);
        JFreeChart built = chart.build();
        // depths are whole numbers: no ticks between them
        built.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return built;
    }

    /** The relative error of every run over the iterations (log–log). */
    JFreeChart errorOverIterations() {
        LineChart.Builder chart = LineChart.builder("Matrix completion: relative error during training")
                .subtitle(subtitle())
                .xAxis("iteration k (log scale; k = 0 not shown)", true)
                .yAxis("relative error ‖W − Φ‖_F / ‖Φ‖_F (log scale)", true);
        Map<Integer, Integer> colorOfDepth = new LinkedHashMap<>();
        List<Integer> observedCounts = runs.stream().map(CompletionDepth::observed).distinct().sorted().toList();
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            double[] x = new double[trace.size()];
            double[] y = new double[trace.size()];
            for (int point = 0; point < x.length; point++) {
                x[point] = trace.iteration(point);
                y[point] = trace.relativeError(point);
            }
            int color = colorOfDepth.computeIfAbsent(depth(run), key -> colorOfDepth.size());
            boolean dashed = observedCounts.indexOf(observed(run)) > 0;
            chart.series(run.spec().title(), x, y, ChartStyle.seriesColor(color), dashed);
        }
        return chart.build();
    }

    /** One sentence: which runs recovered the matrix. */
    String finding() {
        List<String> parts = new ArrayList<>();
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            parts.add(String.format(Locale.ROOT, "M = %d, N = %d: %.3g", observed(run), depth(run),
                    trace.relativeError(trace.size() - 1)));
        }
        return "relative error ‖W − Φ‖_F/‖Φ‖_F at the end of each run: " + String.join("; ", parts) + ".";
    }

    private String subtitle() {
        RunOutcome first = runs.get(0);
        Map<String, String> train = first.spec().train();
        // σ and η differ between the runs (settings.csv has each); the budget and the tolerance are shared
        return String.format(Locale.ROOT, "Gaussian start and step size per run (settings.csv); up to %s iterations, "
                + "stopping at loss ≤ %s", train.get(TrainSettings.ITERATIONS),
                train.getOrDefault(TrainSettings.TOLERANCE, "0"));
    }

    private static int observed(RunOutcome run) {
        return Integer.parseInt(run.spec().observations().orElseThrow());
    }

    private static int depth(RunOutcome run) {
        return Integer.parseInt(run.spec().train().get(TrainSettings.DEPTH));
    }
}
