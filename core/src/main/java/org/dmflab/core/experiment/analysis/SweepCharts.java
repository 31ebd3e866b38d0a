package org.dmflab.core.experiment.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.HeatMap;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.experiment.preset.SettingOverride.SettingKey;
import org.dmflab.core.experiment.preset.SettingOverride;
import org.dmflab.core.experiment.preset.SweepPlan;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.jfree.chart.JFreeChart;

/**
 * The charts the field draws of a sweep (docs/design.md §4), from its table: the final relative error against a swept
 * value, one line per value of the other swept settings (e.g. per depth), median over the seeds with the smallest and
 * largest dashed; and, for two swept settings, a phase diagram: the recovery rate over the seeds (or, with one seed,
 * the median error) of every pair of values.
 *
 * <p>The x axis is the first swept setting other than the depth whose values are all numbers (else the depth); it is
 * logarithmic when its values span a decade or more; the error axis is logarithmic.
 */
public final class SweepCharts {
    private SweepCharts() {
    }

    /** The charts by file name (PNG names). */
    public static Map<String, JFreeChart> of(SweepPlan plan, Table table) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        Optional<Integer> x = xAxis(plan);
        x.ifPresent(at -> charts.put("error-against-" + plan.axes().get(at).keys().get(0).key() + ".png",
                errorChart(plan, table, at)));
        if (plan.axes().size() == 2 && x.isPresent()) {
            charts.put("phase-diagram.png", phaseDiagram(plan, table, x.get(), 1 - x.get()));
        }
        return charts;
    }

    private static Optional<Integer> xAxis(SweepPlan plan) {
        Optional<Integer> depth = Optional.empty();
        for (int a = 0; a < plan.axes().size(); a++) {
            SweepPlan.Axis axis = plan.axes().get(a);
            if (!axis.values().get(0).stream().allMatch(SweepCharts::isNumber)) {
                continue;
            }
            if (isDepth(axis.keys().get(0))) {
                depth = Optional.of(a);
            } else {
                return Optional.of(a);
            }
        }
        return depth;
    }

    private static boolean isDepth(SettingKey key) {
        return key.stage() == SettingOverride.Stage.TRAIN && key.key().equals(TrainSettings.DEPTH);
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "Observed entries M (generate.observations)": the declaration's label and the key. */
    static String axisTitle(SettingKey key) {
        return key.stage().setting(key.key(), "vary").label() + " (" + key + ")";
    }

    /** "N = 3" for the depth, else "key = value". */
    private static String valueLabel(SettingKey key, String value) {
        return (isDepth(key) ? "N" : key.key()) + " = " + value;
    }

    private static JFreeChart errorChart(SweepPlan plan, Table table, int xAt) {
        SweepPlan.Axis xAxis = plan.axes().get(xAt);
        double[] xs = xAxis.values().get(0).stream().mapToDouble(Double::parseDouble).toArray();
        Integer[] order = new Integer[xs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        Map<String, Map<String, List<Double>>> groups = groups(plan, table, xAt);
        int seeds = plan.seeds().map(SweepPlan.Axis::size).orElse(1);
        double smallest = Arrays.stream(xs).min().orElse(1);
        double largest = Arrays.stream(xs).max().orElse(1);
        boolean logX = smallest > 0 && largest / smallest >= 10;
        LineChart.Builder chart = LineChart.builder("Final relative error against " + xAxis.keys().get(0).key())
                .xAxis(axisTitle(xAxis.keys().get(0)) + (logX ? " (log scale)" : ""), logX)
                .yAxis("final relative error ‖W − Φ‖_F / ‖Φ‖_F (log scale)", true)
                .subtitle(seeds > 1 ? "lines: median over " + seeds + " seeds; dashed: smallest and largest"
                        + stopText(plan) : "one run per point" + stopText(plan));
        int color = 0;
        for (Map.Entry<String, Map<String, List<Double>>> group : groups.entrySet()) {
            List<double[]> median = new ArrayList<>();
            List<double[]> low = new ArrayList<>();
            List<double[]> high = new ArrayList<>();
            for (int i : order) {
                List<Double> errors = group.getValue().getOrDefault(xAxis.values().get(0).get(i), List.of());
                double[] finite = errors.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted()
                        .toArray();
                if (finite.length == 0) {
                    continue;
                }
                median.add(new double[]{xs[i], median(finite)});
                low.add(new double[]{xs[i], finite[0]});
                high.add(new double[]{xs[i], finite[finite.length - 1]});
            }
            java.awt.Color paint = ChartStyle.seriesColor(color++);
            String name = group.getKey().isEmpty() ? "median" : group.getKey();
            chart.series(name, column(median, 0), column(median, 1), paint, false);
            if (seeds > 1) {
                chart.unlistedDashedSeries(name + " smallest", column(low, 0), column(low, 1), paint);
                chart.unlistedDashedSeries(name + " largest", column(high, 0), column(high, 1), paint);
            }
        }
        if (seeds > 1) {
            chart.legendLine("smallest and largest over the seeds", ChartStyle.REFERENCE);
        }
        chart.horizontalLine(plan.recoveredBelow(), "recovered below " + plan.recoveredBelow(), ChartStyle.REFERENCE);
        return chart.build();
    }

    private static String stopText(SweepPlan plan) {
        return plan.stopMse().map(mse -> "; runs stop at train MSE ≤ " + new java.text.DecimalFormat("0.###E0",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(mse).replace("E", "e")
                + " or at their budget").orElse("");
    }

    /**
     * The relative errors of every row by group (the values of the swept settings other than {@code xAt}, and the run
     * when the experiment has several) and by x value.
     */
    private static Map<String, Map<String, List<Double>>> groups(SweepPlan plan, Table table, int xAt) {
        int runColumn = table.indexOf(SweepTable.RUN);
        int errorColumn = table.indexOf(SweepTable.RELATIVE_ERROR);
        boolean severalRuns = java.util.stream.IntStream.range(0, table.rowCount())
                .mapToObj(row -> table.cell(row, runColumn)).distinct().count() > 1;
        Map<String, Map<String, List<Double>>> groups = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            List<String> parts = new ArrayList<>();
            for (int a = 0; a < plan.axes().size(); a++) {
                if (a != xAt) {
                    parts.add(valueLabel(plan.axes().get(a).keys().get(0), (String) table.cell(row, 1 + a)));
                }
            }
            if (severalRuns) {
                parts.add("run " + table.cell(row, runColumn));
            }
            groups.computeIfAbsent(String.join(", ", parts), key -> new LinkedHashMap<>())
                    .computeIfAbsent((String) table.cell(row, 1 + xAt), key -> new ArrayList<>())
                    .add(table.doubleAt(row, errorColumn));
        }
        return groups;
    }

    private static JFreeChart phaseDiagram(SweepPlan plan, Table table, int xAt, int yAt) {
        SweepPlan.Axis xAxis = plan.axes().get(xAt);
        SweepPlan.Axis yAxis = plan.axes().get(yAt);
        List<String> xValues = sortedIfNumbers(xAxis.values().get(0));
        List<String> yValues = sortedIfNumbers(yAxis.values().get(0));
        int errorColumn = table.indexOf(SweepTable.RELATIVE_ERROR);
        Map<String, List<Double>> cells = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            cells.computeIfAbsent(table.cell(row, 1 + xAt) + "\u0000" + table.cell(row, 1 + yAt),
                    key -> new ArrayList<>()).add(table.doubleAt(row, errorColumn));
        }
        boolean rate = cells.values().stream().anyMatch(list -> list.size() > 1);
        double[][] values = new double[xValues.size()][yValues.size()];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < xValues.size(); x++) {
            for (int y = 0; y < yValues.size(); y++) {
                double[] errors = cells.getOrDefault(xValues.get(x) + "\u0000" + yValues.get(y), List.of()).stream()
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                if (errors.length == 0) {
                    values[x][y] = Double.NaN;
                } else if (rate) {
                    values[x][y] = (double) Arrays.stream(errors).filter(e -> e <= plan.recoveredBelow()).count()
                            / errors.length;
                } else {
                    values[x][y] = median(errors);
                    if (values[x][y] > 0 && Double.isFinite(values[x][y])) {
                        low = Math.min(low, values[x][y]);
                        high = Math.max(high, values[x][y]);
                    } else {
                        values[x][y] = Double.NaN;
                    }
                }
            }
        }
        String runs = plan.seeds().map(seeds -> seeds.size() + " seeds").orElse("the runs");
        HeatMap.Spec spec = rate
                ? new HeatMap.Spec("Recovery rate over " + runs, "recovered: final relative error ≤ "
                + plan.recoveredBelow() + stopText(plan), axisTitle(xAxis.keys().get(0)), xValues,
                axisTitle(yAxis.keys().get(0)), yValues, values, "recovery rate", false, 0, 1, HeatMap::percent)
                : new HeatMap.Spec("Final relative error", "one run per cell" + stopText(plan),
                axisTitle(xAxis.keys().get(0)), xValues, axisTitle(yAxis.keys().get(0)), yValues, values,
                "final relative error", true, decadeBelow(low), decadeAbove(high), HeatMap::scientific);
        return HeatMap.of(spec);
    }

    private static double decadeBelow(double value) {
        return Double.isFinite(value) ? Math.pow(10, Math.floor(Math.log10(value))) : 1e-1;
    }

    private static double decadeAbove(double value) {
        double above = Double.isFinite(value) ? Math.pow(10, Math.ceil(Math.log10(value))) : 1;
        return above;
    }

    private static List<String> sortedIfNumbers(List<String> values) {
        if (!values.stream().allMatch(SweepCharts::isNumber)) {
            return values;
        }
        return values.stream().sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                .toList();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    private static double[] column(List<double[]> points, int index) {
        return points.stream().mapToDouble(point -> point[index]).toArray();
    }
}
