package org.dmflab.core.chart;

import org.dmflab.core.loss.LossKind;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.track.Hitting;
import org.dmflab.core.track.ObservedPlateau;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TrainedLoss;
import org.jfree.chart.JFreeChart;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.model.PlateauLevels;

/**
 * The Spectrum Tracker's charts (docs/theory.md §7; the paper's Figs. 1, 3 and 6):
 * <ol>
 *   <li>eigenvalue trajectories λᵢ(W(k)) (σᵢ for non-symmetric targets) with the target values as dashed lines;</li>
 *   <li>the effective rank with the plateau levels r_eff(Φ_r) dashed and the predicted intervals (63′) shaded;</li>
 *   <li>loss and Frobenius error on a log y axis (log–log with a logarithmic iteration axis).</li>
 * </ol>
 * On a logarithmic iteration axis iteration 0 cannot be drawn; it is left out and the axis label says so.
 */
public final class TrackCharts {
    private static final String ITERATION = "iteration k";
    /** Level labels per column: about 20 px apart in the ≈380-pixel-high plot of an 800×500 chart. */
    private static final int LABELS_PER_COLUMN = 18;
    /** With more series than palette colours, this many are named in the legend. */
    static final int NAMED_SERIES = 6;

    private TrackCharts() {
    }

    /**
     * What chart {@code name} ({@link TrackChartSet#NAMES}) of {@code result} draws, in words, decided by the same
     * conditions as the drawing (scale, graded colours, shaded intervals, thinned levels), so a caption cannot promise
     * what the picture lacks. {@code which} is appended to the subject (e.g. ", perturbed start").
     */
    public static String caption(String name, TrackResult result, String which) {
        Trace trace = result.input().trace();
        return switch (name) {
            case "eigenvalues" -> {
                boolean eigen = showsEigenvalues(result);
                JFreeChart chart = eigenvalues(result);
                boolean symlog = !(chart.getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
                int series = chart.getXYPlot().getDataset().getSeriesCount();
                String text = (eigen ? "Eigenvalues of W(k) along the target's eigenvectors" : "Singular values of W(k)")
                        + which + ", on a " + (symlog ? "symmetric-log scale (linear near 0, logarithmic beyond: "
                        + "the values and targets drawn have both signs)" : "log scale") + (result.input().target().isPresent()
                        ? "; dashed: the target's values" : "");
                int tail = tailCount(result);
                int signal = series - tail;
                if (signal > ChartStyle.paletteSize()) {
                    text += "; the leading " + NAMED_SERIES + " are named with their targets, the other "
                            + (signal - NAMED_SERIES) + " drawn in a graded color scale, dark to light with the index";
                }
                if (tail > 0) {
                    text += "; grey band: W's " + tail + (eigen ? " eigenvalue" : " singular value") + (tail == 1 ? ""
                            : "s") + " where the target's are zero (up to rounding) — a run that fits the target "
                            + "drives them to 0";
                }
                yield text;
            }
            case "effective-rank" -> {
                String text = "Effective rank of W(k)" + which;
                if (!result.plateaus().isEmpty()) {
                    PlateauLevels rule = levelRule(result);
                    text += "; dashed: the plateau levels " + (rule == null ? "of the predicted table"
                            : rule.ruleDescription());
                }
                EffectiveRankChart drawn = effectiveRankChart(result);
                int shaded = drawn.shadedIntervals();
                text += shaded > 0 ? "; shaded: the " + (shaded == 1 ? "certified interval" : shaded + " certified "
                        + "intervals") + " of Theorem 3.5′" : result.input().predicted().isPresent()
                        && drawn.laterIntervals() == 0 ? "; nothing is certified, so nothing is shaded" : "";
                if (drawn.laterIntervals() > 0) {
                    text += "; " + drawn.laterIntervals() + " certified interval" + (drawn.laterIntervals() == 1
                            ? " starts" : "s start") + " after the last recorded iteration (not drawn; plateaus table)";
                }
                int thinned = drawn.thinnedLevels();
                if (thinned > 0) {
                    text += "; " + thinned + (thinned == 1 ? " level line" : " level lines") + " closer than about "
                            + "7 px to the one drawn below left out";
                }
                long coarse = result.plateaus().stream().filter(p -> p.recording().map(r -> r.startsWith("too coarse"))
                        .orElse(false)).count();
                if (coarse > 0) {
                    text += "; for " + coarse + " certified interval" + (coarse == 1 ? "" : "s") + " the recording is "
                            + "too coarse to compare it with the observed plateau (plateaus table, column recording)";
                }
                yield text;
            }
            default -> capitalized(lossLabel(result.input().trace())) + " and " + errorLabel(result.input().trace())
                    + which + " on " + LineChart.axesPhrase(loss(result));
        };
    }

    /** How many values the eigenvalue chart draws where the target's are numerical zeros (no hitting row). */
    private static int tailCount(TrackResult result) {
        if (result.input().target().isEmpty()) {
            return 0;
        }
        Trace trace = result.input().trace();
        return (showsEigenvalues(result) ? trace.eigenCount() : trace.sigmaCount()) - result.hittings().size();
    }

    /** The level rule the tracker applied, or null when the levels came from a predicted table alone. */
    private static PlateauLevels levelRule(TrackResult result) {
        if (result.input().target().isEmpty()) {
            return null;
        }
        try {
            return PlateauLevels.of(result.input().target().get(), result.input().trace().init(), "trace");
        } catch (org.dmflab.core.InvalidInputException e) {
            return null;
        }
    }

    /** All three charts. */
    public static TrackChartSet all(TrackResult result) {
        return new TrackChartSet(eigenvalues(result), effectiveRank(result), loss(result));
    }

    /**
     * Short titles of the three charts for a view's tabs, in the order of {@link TrackChartSet#NAMES}: the first says
     * "Singular values" when the chart shows singular values (a rectangular or non-symmetric target).
     */
    public static List<String> tabTitles(TrackResult result) {
        return List.of(showsEigenvalues(result) ? "Eigenvalues" : "Singular values", "Effective rank",
                "Loss and error");
    }

    /** Whether chart 1 shows eigenvalues (a symmetric target) rather than singular values. */
    private static boolean showsEigenvalues(TrackResult result) {
        return result.input().target().map(s -> s.kind() == SpectrumKind.EIGENVALUE)
                .orElse(result.input().trace().eigenCount() > 0);
    }

    /**
     * Chart 1: the product's eigenvalues (or singular values) against the iteration, on a log scale when every drawn
     * value is positive and a symmetric-log scale when signs mix (so that the growth from α^N before each eigenvalue is
     * learned stays visible). W's values where the target has numerical zeros are drawn as one grey band without
     * target lines (they do not decide the scale). With more series than the palette has
     * colours, the leading {@value #NAMED_SERIES} are named and drawn with their target lines, the rest in a graded
     * colour scale explained by one legend entry.
     */
    public static JFreeChart eigenvalues(TrackResult result) {
        Trace trace = result.input().trace();
        Optional<Spectrum> target = result.input().target();
        boolean eigen = showsEigenvalues(result);
        int count = eigen ? trace.eigenCount() : trace.sigmaCount();
        String symbol = eigen ? "λ" : "σ";
        boolean logX = result.config().logX();
        double[] x = iterations(trace);
        Map<Integer, Hitting> hittings = new HashMap<>();
        result.hittings().forEach(hitting -> hittings.put(hitting.index() - 1, hitting));
        List<Integer> drawn = new ArrayList<>();
        List<Integer> tail = new ArrayList<>(); // numerical zeros of the target (model.PlateauLevels): one grey band
        for (int i = 0; i < count; i++) {
            (target.isEmpty() || hittings.containsKey(i) ? drawn : tail).add(i);
        }
        int zeros = tail.size();
        boolean graded = drawn.size() > ChartStyle.paletteSize();
        int named = graded ? NAMED_SERIES : drawn.size();
        double[][] values = new double[count][];
        boolean positive = true;
        List<Integer> all = new ArrayList<>(drawn);
        all.addAll(tail);
        boolean tailPositive = true;
        for (int i : all) {
            values[i] = new double[trace.size()];
            for (int point = 0; point < trace.size(); point++) {
                values[i][point] = eigen ? trace.lambda(point, i) : trace.sigma(point, i);
                boolean drawable = values[i][point] > 0 || (logX && trace.iteration(point) == 0);
                // the tail does not decide the scale: the band is context for the values the target has
                if (tail.contains(i)) {
                    tailPositive &= drawable;
                } else {
                    positive &= drawable;
                }
            }
        }
        for (int n = 0; n < named && target.isPresent(); n++) {
            positive &= target.get().value(drawn.get(n)) > 0;
        }
        LineChart.Builder chart = LineChart.builder(eigen ? "Eigenvalues of the product W along the target's eigenvectors"
                        : "Singular values of the product W")
                .xAxis(iterationLabel(trace, logX), logX)
                .yAxis((eigen ? "eigenvalue vᵢᵀ W vᵢ" : "singular value σᵢ(W)")
                        + (positive ? " (log scale)" : " (symmetric log scale)"),
                        positive ? LineChart.Scale.LOG : LineChart.Scale.SYMLOG);
        for (int n = 0; n < drawn.size(); n++) {
            int i = drawn.get(n);
            String name = ChartStyle.subscripted(symbol, i + 1);
            if (n >= named) {
                chart.unlistedSeries(name, x, values[i], ChartStyle.gradedColor(n - named, drawn.size() - named));
                continue;
            }
            Color color = ChartStyle.seriesColor(n);
            if (target.isPresent()) {
                // the arrow shows what the value approaches; for λ < 0 after an identical start that is 0, not λ
                double value = target.get().value(i);
                double limit = hittings.get(i).limit();
                name += " → " + number(limit) + (limit == value ? "" : " (target " + number(value) + ")");
                chart.horizontalLine(value, "", color);
            }
            chart.series(name, x, values[i], color, false);
        }
        for (int t = 0; t < tail.size(); t++) {
            chart.unlistedSeries(ChartStyle.subscripted(symbol, tail.get(t) + 1), x, values[tail.get(t)],
                    ChartStyle.tailColor(t, tail.size()));
        }
        if (!tail.isEmpty()) {
            chart.legendSolid(ChartStyle.subscripted(symbol, tail.get(0) + 1) + (tail.size() == 1 ? "" : " … "
                    + ChartStyle.subscripted(symbol, tail.get(tail.size() - 1) + 1)) + " of W where the target's are 0: "
                    + "grey band", ChartStyle.tailColor(0, tail.size()));
        }
        if (graded) {
            int first = drawn.get(named) + 1;
            int last = drawn.get(drawn.size() - 1) + 1;
            chart.legendSolid(ChartStyle.subscripted(symbol, first) + " … " + ChartStyle.subscripted(symbol, last)
                    + ": graded, dark → light with the index", ChartStyle.gradedColor(0, drawn.size() - named));
            chart.subtitle(String.format(Locale.ROOT, "%d series: the leading %d named (dashed: their targets), "
                    + "the other %d in a graded color scale", drawn.size(), named, drawn.size() - named));
        }
        if (zeros > 0) {
            // numerical zeros: |λ| ≤ 10·u·n·‖Φ‖₂ (docs/theory.md §7.3)
            chart.subtitle(zeros + (eigen ? " eigenvalue" : " singular value") + (zeros == 1 ? " of the target is"
                    : "s of the target are") + " zero (up to rounding): W's " + (zeros == 1 ? "value" : "values")
                    + " there drawn in grey" + (positive && !tailPositive ? " where positive (log scale)" : ""));
        }
        if (target.isPresent()) {
            chart.legendLine("target " + (eigen ? "eigenvalues" : "singular values"), ChartStyle.REFERENCE);
        }
        return chart.build();
    }

    /** Chart 2: the effective rank with its plateau levels and the predicted intervals. */
    public static JFreeChart effectiveRank(TrackResult result) {
        return effectiveRankChart(result).chart();
    }

    /**
     * The effective-rank chart, how many dense level lines it leaves out (one line per few pixels is enough), how many
     * certified intervals it shades and how many it cannot, because they start after the last recorded iteration.
     */
    private record EffectiveRankChart(JFreeChart chart, int thinnedLevels, int shadedIntervals, int laterIntervals) {
    }

    private static EffectiveRankChart effectiveRankChart(TrackResult result) {
        Trace trace = result.input().trace();
        boolean logX = result.config().logX();
        LineChart.Builder chart = LineChart.builder("Effective rank ‖W‖∗ / ‖W‖₂")
                .xAxis(iterationLabel(trace, logX), logX)
                .yAxis("effective rank ‖W‖∗ / ‖W‖₂", false);
        double[] rank = result.effectiveRank();
        chart.series("effective rank of W(k)", iterations(trace), rank, ChartStyle.seriesColor(0), false);
        double[] yRange = yRange(chart, result, trace);
        // Level labels stand in two columns, and a label is left out when it would overlap the one above it in
        // its column: close levels (1.9375 and 1.96875 in §8.2) are only a few pixels apart.
        double labelSpacing = (yRange[1] - yRange[0]) / LABELS_PER_COLUMN;
        double[] lastLabelled = {Double.NaN, Double.NaN};
        long lastIteration = trace.iteration(trace.size() - 1);
        int shaded = 0;
        int later = 0;
        double lastDrawn = Double.NaN;
        int thinned = 0;
        for (ObservedPlateau plateau : result.plateaus()) {
            boolean certified = plateau.predicted().map(Plateau::certified).orElse(false);
            if (!certified && !Double.isNaN(lastDrawn) && Math.abs(plateau.level() - lastDrawn) < labelSpacing / 3) {
                thinned++; // dense levels (many small eigenvalues): one line per few pixels is enough
                continue;
            }
            lastDrawn = plateau.level();
            String label = "";
            for (int column = 0; column < 2 && label.isEmpty(); column++) {
                if (Double.isNaN(lastLabelled[column])
                        || Math.abs(plateau.level() - lastLabelled[column]) >= labelSpacing) {
                    label = "r=" + plateau.r() + " (" + number(plateau.level()) + ")";
                    lastLabelled[column] = plateau.level();
                    chart.horizontalLine(plateau.level(), label, ChartStyle.REFERENCE, column == 0 ? 4 : 84);
                }
            }
            if (label.isEmpty()) {
                chart.horizontalLine(plateau.level(), "", ChartStyle.REFERENCE);
            }
            if (plateau.predicted().isPresent() && plateau.predicted().get().start().isPresent()) {
                Plateau predicted = plateau.predicted().get();
                long start = predicted.start().getAsLong();
                long end = predicted.end().orElse(Math.max(lastIteration, start));
                if (start > lastIteration) {
                    later++; // certified beyond the run: nothing of it can be compared with the drawn path
                } else if (!logX || end > 0) {
                    chart.interval(logX ? Math.max(start, 1) : start, end, "r=" + plateau.r(), ChartStyle.SHADE);
                    shaded++;
                }
            }
        }
        if (!result.plateaus().isEmpty()) {
            PlateauLevels rule = levelRule(result);
            chart.legendLine((rule == null ? "plateau levels (predicted table)" : rule.identicalStart()
                    ? "plateau levels ℓᵣ of Φ₊ (identical start)"
                    : "plateau levels (σ₁ + … + σᵣ)/σ₁ of the target (observed only)")
                    + (thinned > 0 ? "; " + thinned + " too close to draw apart left out" : ""), ChartStyle.REFERENCE);
        }
        if (shaded > 0) {
            chart.legendShade("certified plateau intervals (predicted)", ChartStyle.SHADE);
        }
        return new EffectiveRankChart(chart.build(), thinned, shaded, later);
    }

    /**
     * The y range of the effective-rank chart. The effective rank starts at the rank of W(0) (n for αI) and drops to its
     * first minimum within a few steps; when those first values lie far above the plateau levels they would squeeze all
     * plateaus into a thin band. The axis is then cut above the highest level and the rest of the path, and a subtitle
     * says where and why — provided at least a quarter of the run (in iterations) comes after the first minimum. Returns {lower, upper} as drawn (the data range when not cut).
     */
    private static double[] yRange(LineChart.Builder chart, TrackResult result, Trace trace) {
        double[] rank = result.effectiveRank();
        long minimumIteration = result.monotonicity().firstMinimumIteration();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ObservedPlateau plateau : result.plateaus()) {
            low = Math.min(low, plateau.level());
            high = Math.max(high, plateau.level());
        }
        double startMax = Double.NEGATIVE_INFINITY;
        double startMin = Double.POSITIVE_INFINITY;
        for (int point = 0; point < rank.length; point++) {
            if (trace.iteration(point) >= minimumIteration) {
                low = Math.min(low, rank[point]);
                high = Math.max(high, rank[point]);
            } else {
                startMax = Math.max(startMax, rank[point]);
                startMin = Math.min(startMin, rank[point]);
            }
        }
        double span = Math.max(high - low, 0.1);
        double upper = high + 0.15 * span;
        long first = trace.iteration(0);
        long last = trace.iteration(trace.size() - 1);
        // cut only when the part worth seeing (after the first minimum) is a good share of the run; a run stopped
        // while still falling is shown whole
        boolean enoughAfterMinimum = last - minimumIteration >= 0.25 * (last - first) && last > minimumIteration;
        if (!result.plateaus().isEmpty() && enoughAfterMinimum && startMax > high + span) {
            chart.yRange(low - 0.08 * span, upper);
            chart.subtitle(String.format(Locale.ROOT, "y axis cut at %.3g: before its first minimum (iteration %d) the "
                    + "effective rank falls from %.3g", upper, minimumIteration, startMax));
            return new double[]{low - 0.08 * span, upper};
        }
        return new double[]{Math.min(low, startMin), Math.max(high, startMax)};
    }

    /** Chart 3: loss and Frobenius error on a log y axis, over the tracker's iteration axis. */
    public static JFreeChart loss(TrackResult result) {
        Trace trace = result.input().trace();
        boolean logX = result.config().logX();
        double[] loss = new double[trace.size()];
        double[] error = new double[trace.size()];
        for (int point = 0; point < trace.size(); point++) {
            loss[point] = trace.loss(point);
            error[point] = trace.errorFro(point);
        }
        double[] x = iterations(trace);
        LineChart.Builder chart = LineChart.builder("Loss and error")
                .xAxis(iterationLabel(trace, logX), logX)
                .yAxis("value (log scale)", true)
                // named by the loss trained: a sensing or completion run's loss is not ½‖W − Φ‖²
                .series(lossLabel(trace), x, loss, ChartStyle.seriesColor(0), false)
                .series(errorLabel(trace), x, error, ChartStyle.seriesColor(1), false);
        noteZeros(chart, loss, error);
        return chart.build();
    }

    /** The loss the trace's run minimized, named by {@link TrainedLoss#label()}. */
    static String lossLabel(Trace trace) {
        return TrainedLoss.label(trace.loss());
    }

    /** The error column's meaning: against the full target, which a sensing or completion run never sees. */
    private static String errorLabel(Trace trace) {
        return trace.loss().orElse(LossKind.FULL) == LossKind.FULL ? "error ‖W − Φ‖ (Frobenius norm)"
                : "error ‖W − Φ‖ to the full target (Frobenius norm)";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A subtitle counting the points that a log axis cannot draw (value 0 in some series), if any. */
    static void noteZeros(LineChart.Builder chart, double[]... series) {
        int zeros = 0;
        for (int point = 0; point < series[0].length; point++) {
            for (double[] values : series) {
                if (values[point] <= 0) {
                    zeros++;
                    break;
                }
            }
        }
        if (zeros > 0) {
            chart.subtitle(zeros + " point" + (zeros == 1 ? "" : "s") + " with value 0 cannot be drawn on the log "
                    + "axis and " + (zeros == 1 ? "is" : "are") + " left out");
        }
    }

    static double[] iterations(Trace trace) {
        double[] x = new double[trace.size()];
        for (int point = 0; point < x.length; point++) {
            x[point] = trace.iteration(point);
        }
        return x;
    }

    private static String iterationLabel(Trace trace, boolean logX) {
        return iterationLabel(iterations(trace), logX);
    }

    /** The iteration axis's label; on a log scale it says when iteration 0 is left out. */
    static String iterationLabel(double[] iterations, boolean logX) {
        if (!logX) {
            return ITERATION;
        }
        return iterations.length > 0 && iterations[0] <= 0 ? ITERATION + " (log scale; k = 0 not shown)"
                : ITERATION + " (log scale)";
    }

    private static String number(double value) {
        if (value == 0) {
            return "0";
        }
        return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? String.format(Locale.ROOT, "%.4g", value)
                .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.3e", value);
    }
}
