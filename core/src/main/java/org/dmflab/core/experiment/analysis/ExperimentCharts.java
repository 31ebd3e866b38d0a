package org.dmflab.core.experiment.analysis;

import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.chart.TraceOverlays;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.track.Hitting;
import org.dmflab.core.predict.EigenvalueBounds;
import org.dmflab.core.model.Trace;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The charts an experiment adds to the tracker's (docs/theory.md §8.2): several runs in one chart, predicted iteration counts
 * as vertical markers, the denoising error against its benchmarks. Built with {@link LineChart}, so they share the
 * tracker's style.
 */
final class ExperimentCharts {
    private static final String LOG_ITERATION = TraceOverlays.LOG_ITERATION;

    private ExperimentCharts() {
    }

    /** Fig. 2: the effective rank of every run over a logarithmic iteration axis ({@link TraceOverlays}). */
    static JFreeChart effectiveRanks(String title, List<RunOutcome> runs) {
        return TraceOverlays.effectiveRanks(title, overlaid(runs), runs.stream().map(run -> run.track().effectiveRank())
                .toList());
    }

    /** Fig. 2: the loss of every run on log–log axes ({@link TraceOverlays}). */
    static JFreeChart losses(String title, List<RunOutcome> runs) {
        return TraceOverlays.losses(title, overlaid(runs));
    }

    private static List<TraceOverlays.Run> overlaid(List<RunOutcome> runs) {
        return runs.stream().map(run -> new TraceOverlays.Run(run.spec().title(), run.training().trace())).toList();
    }

    /**
     * Fig. 1/5: the chosen eigenvalues of every run in one chart (colour = eigenvalue, solid = first run, dashed =
     * second), target values as grey dashed lines, predicted sign changes as vertical markers.
     */
    static JFreeChart selectedEigenvalues(String title, List<RunOutcome> runs, int[] indices, boolean logX) {
        LineChart.Builder chart = LineChart.builder(title)
                .xAxis(logX ? LOG_ITERATION : "iteration k", logX)
                .yAxis("eigenvalue vᵢᵀ W vᵢ (symmetric log scale)", LineChart.Scale.SYMLOG);
        double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).training().trace();
            for (int c = 0; c < indices.length; c++) {
                double[] y = lambdas(trace, indices[c]);
                extend(yRange, y);
                chart.series(ChartStyle.subscripted("λ", indices[c] + 1) + ", " + runs.get(r).spec().title(),
                        iterations(trace), y, ChartStyle.seriesColor(c), r > 0);
            }
        }
        for (int c = 0; c < indices.length; c++) {
            double target = runs.get(0).training().trace().eigenCount() > 0
                    ? runs.get(0).track().input().target().orElseThrow().value(indices[c]) : Double.NaN;
            extend(yRange, new double[]{target});
            chart.horizontalLine(target, "", ChartStyle.REFERENCE);
        }
        for (RunOutcome run : runs) {
            if (run.prediction().isEmpty()) {
                continue;
            }
            for (int c = 0; c < indices.length; c++) {
                OptionalLong k = run.prediction().get().bounds().get(indices[c]).signChange();
                if (k.isPresent()) {
                    // the marker has the colour of the eigenvalue it belongs to
                    vertical(chart, "k_sign_change of " + ChartStyle.subscripted("λ", indices[c] + 1) + " = "
                            + k.getAsLong(), k.getAsLong(), yRange, ChartStyle.seriesColor(c));
                }
            }
        }
        chart.legendLine("target eigenvalues", ChartStyle.REFERENCE);
        return chart.build();
    }

    /**
     * Fig. 4: one eigenvalue's trajectory with the predicted counts as vertical markers; counts that coincide (equal
     * after rounding to whole iterations) share one marker and one label. With {@code zoom}, the x axis is the window
     * around the counts, so that markers a few iterations apart stand apart.
     */
    static JFreeChart singleEigenvalue(RunOutcome run, boolean zoom) {
        Trace trace = run.training().trace();
        EigenvalueBounds bounds = run.prediction().orElseThrow().bounds().get(0);
        String[] names = {"k_lower (27′)", "k_exact", "k_upper (24′)", "k_flow", "k_asymptotic (12′)"};
        OptionalDouble[] counts = {asDouble(bounds.lower()), asDouble(bounds.exact()), asDouble(bounds.upper()),
                bounds.flow(), bounds.asymptotic()};
        java.util.TreeMap<Long, List<String>> markers = new java.util.TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            if (counts[i].isPresent()) {
                markers.computeIfAbsent(Math.round(counts[i].getAsDouble()), k -> new ArrayList<>()).add(names[i]);
            }
        }
        double[] x = iterations(trace);
        double[] y = lambdas(trace, 0);
        if (zoom && !markers.isEmpty()) {
            long low = markers.firstKey();
            long high = markers.lastKey();
            long margin = Math.max(5, (high - low) / 4);
            List<double[]> window = new ArrayList<>();
            for (int point = 0; point < x.length; point++) {
                if (x[point] >= low - margin && x[point] <= high + margin) {
                    window.add(new double[]{x[point], y[point]});
                }
            }
            x = window.stream().mapToDouble(p -> p[0]).toArray();
            y = window.stream().mapToDouble(p -> p[1]).toArray();
        }
        double[] yRange = {Double.POSITIVE_INFINITY, bounds.limit() * 2};
        extend(yRange, y);
        LineChart.Builder chart = LineChart.builder(zoom ? "One eigenvalue: the predicted counts, zoomed"
                        : "One eigenvalue: trajectory vs predicted iteration counts")
                .subtitle(String.format(Locale.ROOT, "λ = %s, N = %s, α = %s, η = %s; a count marks where |x(k)ᴺ − λ| "
                                + "≤ ελ with ε = %s", number(bounds.lambda()), run.train().depth(),
                        run.train().alpha(), run.train().step(),
                        run.prediction().get().config().epsilon()))
                .xAxis("iteration k", false).yAxis("product eigenvalue x(k)ᴺ (log scale)", true)
                .series("x(k)ᴺ (exact recursion (18))", x, y, ChartStyle.seriesColor(0), false);
        chart.horizontalLine(bounds.limit(), "λ = " + number(bounds.limit()), ChartStyle.REFERENCE);
        int colour = 1;
        for (var marker : markers.entrySet()) {
            vertical(chart, String.join(" = ", marker.getValue()) + " = " + marker.getKey(), marker.getKey(), yRange,
                    ChartStyle.seriesColor(colour++));
        }
        return chart.build();
    }

    /** Fig. 7: every eigenvalue of every run over the time t = ηk (colour = run, one line per eigenvalue). */
    static JFreeChart overTime(String title, List<RunOutcome> runs) {
        boolean positive = true;
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            for (int i = 0; i < trace.eigenCount(); i++) {
                positive &= java.util.Arrays.stream(lambdas(trace, i)).allMatch(value -> value > 0);
            }
        }
        LineChart.Builder chart = LineChart.builder(title).xAxis("time t = η·k", false)
                .yAxis("eigenvalue vᵢᵀ W vᵢ" + (positive ? " (log scale)" : " (symmetric log scale)"),
                        positive ? LineChart.Scale.LOG : LineChart.Scale.SYMLOG)
                .subtitle("color = run; one line per eigenvalue; dashed: target eigenvalues");
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).training().trace();
            double[] time = new double[trace.size()];
            for (int point = 0; point < time.length; point++) {
                time[point] = trace.time(point);
            }
            for (int i = 0; i < trace.eigenCount(); i++) {
                // one legend entry per run: its eigenvalues share name, colour and dash
                chart.series(runs.get(r).spec().title(), time, lambdas(trace, i), ChartStyle.seriesColor(r),
                        r > 0 && r % 2 == 0);
            }
        }
        for (Hitting hitting : runs.get(0).track().hittings()) {
            chart.horizontalLine(hitting.lambda(), "", ChartStyle.REFERENCE);
        }
        return chart.build();
    }

    /**
     * Fig. 7(b): how far the time to ε-accuracy of descent, t = η·k_exact (exact recursion (18)), lies from the
     * gradient-flow time τ of (22′), relative to τ, against the step size — one series per eigenvalue. Descent
     * approaches the flow as η → 0 (Lemma 2.7′), at first order in η.
     */
    static JFreeChart stepSizeAccuracy(List<RunOutcome> runs) {
        LineChart.Builder chart = LineChart.builder("Time to ε-accuracy: descent relative to the flow")
                .subtitle("(η·k_exact − τ_flow) / τ_flow; k_exact from the exact recursion (18), τ_flow from (22′)")
                .xAxis("step size η", false).yAxis("relative difference in time (%)", false);
        int count = runs.get(0).prediction().orElseThrow().bounds().size();
        for (int i = 0; i < count; i++) {
            List<double[]> points = new ArrayList<>();
            double lambda = Double.NaN;
            for (RunOutcome run : runs) {
                double step = run.train().step();
                EigenvalueBounds bounds = run.prediction().orElseThrow().bounds().get(i);
                lambda = bounds.lambda();
                if (bounds.exact().isPresent() && bounds.flow().isPresent()) {
                    double flowTime = step * bounds.flow().getAsDouble();
                    points.add(new double[]{step, 100 * (step * bounds.exact().getAsLong() - flowTime) / flowTime});
                }
            }
            points.sort(java.util.Comparator.comparingDouble(point -> point[0]));
            chart.series("λ" + subscript(i + 1) + " = " + String.format(Locale.ROOT, "%.3g", lambda),
                    points.stream().mapToDouble(point -> point[0]).toArray(),
                    points.stream().mapToDouble(point -> point[1]).toArray(), ChartStyle.seriesColor(i), false);
        }
        chart.horizontalLine(0, "gradient flow", ChartStyle.REFERENCE);
        return chart.build();
    }

    private static String subscript(int index) {
        return ChartStyle.subscripted("", index);
    }

    /**
     * The stopping rules a denoising chart marks besides the oracle's: the certified interval of the target rank's
     * plateau (shaded) with its start, the predicted stop, and the observed stop (stop-at=rank:R's observed rule); each empty when absent.
     */
    record DenoisingStops(int rank, OptionalLong certifiedStart, OptionalLong certifiedEnd, OptionalLong observedStop) {
    }

    /**
     * Section 4: distance to the clean matrix with the rank-r benchmarks, the oracle's early-stopping point and the
     * paper's criterion (the certified interval shaded, its start marked as the predicted stop; the observed end).
     */
    static JFreeChart denoising(DenoisingCurve curve, DenoisingStops stops) {
        long[] k = curve.iterations();
        double[] x = new double[k.length];
        for (int point = 0; point < k.length; point++) {
            x[point] = k[point];
        }
        double[] distance = curve.distance();
        double[] yRange = {0, Double.NEGATIVE_INFINITY};
        extend(yRange, distance);
        LineChart.Builder chart = LineChart.builder("Distance to the clean matrix, ‖W(k) − Φ_clean‖ (Frobenius norm)")
                .subtitle(String.format(Locale.ROOT, "oracle early stopping (chosen with the clean matrix) at k = %d: "
                                + "%.4f; fully trained: %.4f",
                        curve.earlyStoppingIteration(), curve.earlyStoppingError(), curve.finalError()))
                .xAxis(LOG_ITERATION, true).yAxis("‖W(k) − Φ_clean‖ (Frobenius norm)", false)
                .series("trained on the noisy matrix", x, distance, ChartStyle.seriesColor(0), false);
        double[] benchmarks = curve.benchmarks();
        for (int r = 0; r < benchmarks.length; r++) {
            // benchmarks r ≥ 3 lie close together (just above the signal's level): their labels stand side by side,
            // left of the first rise, where the curve is far above them
            chart.horizontalLine(benchmarks[r], String.format(Locale.ROOT, "rank %d: %.3f", r + 1, benchmarks[r]),
                    ChartStyle.REFERENCE, r < 2 ? 4 : 4 + 96 * (r - 2));
        }
        chart.legendLine("best rank-r approximations of the noisy matrix", ChartStyle.REFERENCE);
        vertical(chart, "oracle early stopping, k = " + curve.earlyStoppingIteration(), curve.earlyStoppingIteration(),
                yRange, ChartStyle.seriesColor(1));
        long last = k[k.length - 1];
        if (stops.certifiedStart().isPresent() && stops.certifiedStart().getAsLong() <= last) {
            long start = stops.certifiedStart().getAsLong();
            chart.interval(Math.max(start, 1), Math.min(stops.certifiedEnd().orElse(last), last), "r=" + stops.rank(),
                    ChartStyle.SHADE);
            chart.legendShade("certified rank-" + stops.rank() + " plateau (Theorem 3.5″)", ChartStyle.SHADE);
            vertical(chart, "predicted stop (its start), k = " + start, start, yRange, ChartStyle.seriesColor(2));
        }
        if (stops.observedStop().isPresent()) {
            vertical(chart, "observed stop on the rank-" + stops.rank() + " plateau, k = "
                    + stops.observedStop().getAsLong(), stops.observedStop().getAsLong(), yRange, ChartStyle.seriesColor(3));
        }
        chart.yRange(0, yRange[1] * 1.05);
        return chart.build();
    }

    /** A dashed vertical line drawn as a two-point series (it gets a legend entry with its label). */
    private static void vertical(LineChart.Builder chart, String label, double x, double[] yRange, Color color) {
        chart.series(label, new double[]{x, x}, new double[]{yRange[0], yRange[1]}, color, true);
    }

    private static double[] iterations(Trace trace) {
        double[] x = new double[trace.size()];
        for (int point = 0; point < x.length; point++) {
            x[point] = trace.iteration(point);
        }
        return x;
    }

    private static double[] lambdas(Trace trace, int index) {
        double[] y = new double[trace.size()];
        for (int point = 0; point < y.length; point++) {
            y[point] = trace.lambda(point, index);
        }
        return y;
    }

    private static void extend(double[] range, double[] values) {
        for (double value : values) {
            if (Double.isFinite(value)) {
                range[0] = Math.min(range[0], value);
                range[1] = Math.max(range[1], value);
            }
        }
    }

    private static OptionalDouble asDouble(OptionalLong value) {
        return value.isPresent() ? OptionalDouble.of(value.getAsLong()) : OptionalDouble.empty();
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static List<Integer> negativeIndices(List<Hitting> hittings) {
        List<Integer> indices = new ArrayList<>();
        for (Hitting hitting : hittings) {
            if (hitting.lambda() < 0) {
                indices.add(hitting.index() - 1); // rows skip numerical zeros: the index names the eigenvalue
            }
        }
        return indices;
    }
}
