package org.dmflab.core.experiment.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.baseline.ObservedEntries;
import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.chart.RootLocaleTicks;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.linalg.Spectra;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.ejml.data.DMatrixRMaj;
import org.jfree.chart.JFreeChart;

/**
 * The depth effect of matrix completion (docs/theory.md §8.3): final reconstruction error of every (number of observed
 * entries, depth) run of a completion preset, its table and its charts.
 */
final class CompletionDepth {
    /** A run counts as a recovery when its relative error ‖W − Φ‖_F/‖Φ‖_F is at most this. */
    static final double RECOVERED = 1e-2;

    private final List<RunOutcome> runs;
    /** The nuclear-norm baseline for each count of observed entries, ascending (docs/theory.md §8.4). */
    private final SortedMap<Integer, CompletionBaselines.Baseline> baselines;
    private final DMatrixRMaj truth;

    CompletionDepth(List<RunOutcome> runs, Map<Integer, CompletionBaselines.Baseline> baselines, DMatrixRMaj truth) {
        for (RunOutcome run : runs) {
            if (run.spec().observations().isEmpty() || !run.training().trace().completion()) {
                throw new IllegalArgumentException("run " + run.spec().label() + " is no completion run");
            }
        }
        this.runs = List.copyOf(runs);
        // sorted, so that rows and chart series come in the same order in every JVM (Map.copyOf's order is not)
        this.baselines = Collections.unmodifiableSortedMap(new TreeMap<>(baselines));
        this.truth = truth.copy();
    }

    /** The counts of observed entries of the runs, ascending. */
    static List<Integer> observedCounts(List<RunOutcome> runs) {
        return runs.stream().map(CompletionDepth::observed).distinct().sorted().toList();
    }

    /**
     * One row per run: observed, depth, relative_error, error_unobserved, observed_loss, effective_rank, iterations,
     * recovered, nuclear_norm, method; then one row per count of observed entries for the nuclear-norm baseline (no
     * depth; its iterations are the solver's).
     */
    Table table() {
        Table.Builder table = Table.builder(List.of(Column.of("observed", ColumnType.INTEGER),
                Column.nullable("depth", ColumnType.INTEGER), Column.of("relative_error", ColumnType.DOUBLE),
                Column.of("error_unobserved", ColumnType.DOUBLE), Column.of("observed_loss", ColumnType.DOUBLE),
                Column.of("effective_rank", ColumnType.DOUBLE), Column.of("iterations", ColumnType.LONG),
                Column.of("recovered", ColumnType.STRING), Column.of("nuclear_norm", ColumnType.DOUBLE),
                Column.of("method", ColumnType.STRING)));
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            int last = trace.size() - 1;
            table.addRow(observed(run), depth(run), trace.relativeError(last), trace.errorUnobserved(last),
                    trace.loss(last), trace.effectiveRank(last), trace.iteration(last),
                    trace.relativeError(last) <= RECOVERED ? "yes" : "no",
                    Arrays.stream(Spectra.singularValues(run.training().product())).sum(), "gradient descent");
        }
        for (Map.Entry<Integer, CompletionBaselines.Baseline> entry : baselines.entrySet()) {
            NuclearNormResult baseline = entry.getValue().result();
            DMatrixRMaj solution = baseline.solution();
            boolean[] observedMask = entry.getValue().observations().mask();
            double unobserved = 0;
            for (int k = 0; k < solution.data.length; k++) {
                double difference = solution.data[k] - truth.data[k];
                unobserved += observedMask[k] ? 0 : difference * difference;
            }
            double residual = new ObservedEntries(entry.getValue().observations()).residual(solution);
            double error = baseline.relativeError(truth);
            double[] values = baseline.singularValues();
            table.addRow(entry.getKey(), null, error, Math.sqrt(unobserved), 0.5 * residual * residual,
                    values.length == 0 ? 0 : baseline.nuclearNorm() / values[0], baseline.iterations(),
                    error <= RECOVERED ? "yes" : "no", baseline.nuclearNorm(), "nuclear-norm minimization");
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
        color = 0;
        for (Map.Entry<Integer, CompletionBaselines.Baseline> entry : baselines.entrySet()) {
            double error = entry.getValue().result().relativeError(truth);
            chart.horizontalLine(error, String.format(Locale.ROOT, "least nuclear norm, M = %d: %.3g",
                    entry.getKey(), error), ChartStyle.seriesColor(color++));
        }
        JFreeChart built = chart.build();
        // depths are whole numbers: no ticks between them
        built.getXYPlot().getDomainAxis().setStandardTickUnits(RootLocaleTicks.integers());
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
        List<String> least = new ArrayList<>();
        for (Map.Entry<Integer, CompletionBaselines.Baseline> entry : baselines.entrySet()) {
            NuclearNormResult baseline = entry.getValue().result();
            least.add(String.format(Locale.ROOT, "M = %d: %.3g (‖W‖_* = %.4g)", entry.getKey(),
                    baseline.relativeError(truth), baseline.nuclearNorm()));
        }
        return "relative error ‖W − Φ‖_F/‖Φ‖_F at the end of each run: " + String.join("; ", parts)
                + "; of the least nuclear norm solution from the same entries: " + String.join("; ", least) + ".";
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
