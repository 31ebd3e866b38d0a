package org.dmflab.core.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A line chart in the {@link ChartStyle}: named series over a linear or logarithmic x axis (and y axis), dashed
 * horizontal reference lines, shaded x intervals and extra legend entries for them. The building block of the
 * tracker's charts and of later experiment reports.
 *
 * <p>Points that an axis cannot show (non-finite, or ≤ 0 on a log axis) are left out; callers say so in the axis label
 * or a subtitle. Long series are thinned for drawing ({@link Decimation}) without visible change.
 */
public final class LineChart {
    /** Legends longer than this are cut, with a note, so that they do not crowd out the plot. */
    public static final int MAX_LEGEND_ITEMS = 12;

    private LineChart() {
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * The axes of a built chart in words, read from the axes themselves, so that a caption cannot call a linear axis
     * logarithmic: "log–log axes", "a log y axis over a linear x axis", "a symmetric-log y axis over a log x axis", ….
     */
    public static String axesPhrase(JFreeChart chart) {
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        boolean xLog = plot.getDomainAxis() instanceof LogAxis;
        String y = plot.getRangeAxis() instanceof LogAxis ? "log" : plot.getRangeAxis() instanceof SymmetricLogAxis
                ? "symmetric-log" : "linear";
        if (xLog && y.equals("log")) {
            return "log–log axes";
        }
        if (!xLog && y.equals("linear")) {
            return "linear axes";
        }
        return "a " + y + " y axis over a " + (xLog ? "log" : "linear") + " x axis";
    }

    private record Series(String name, double[] x, double[] y, Color color, boolean dashed, boolean listed) {
    }

    /** How the y axis maps values: linear, logarithmic (positive data), or symmetric-log (data of both signs). */
    public enum Scale { LINEAR, LOG, SYMLOG }

    /** Series with at most this many drawn points get a marker at every point, so that their samples can be seen. */
    public static final int SPARSE_POINTS = 25;

    private record Reference(double value, String label, Color color, double labelInset) {
    }

    private record Interval(double start, double end, String label, Color color) {
    }

    private record LegendEntry(String name, Color color, boolean shaded, boolean solid) {
    }

    /** Collects the parts of one chart. */
    public static final class Builder {
        private final String title;
        private final List<String> subtitles = new ArrayList<>();
        private String xLabel = "x";
        private boolean xLog;
        private String yLabel = "y";
        private boolean yLog;
        private Scale yScale = Scale.LINEAR;
        private double symlogThreshold = Double.NaN;
        private double yLower = Double.NaN;
        private double yUpper = Double.NaN;
        private final List<Series> series = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final List<Interval> intervals = new ArrayList<>();
        private final List<LegendEntry> extraLegend = new ArrayList<>();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        public Builder xAxis(String label, boolean logarithmic) {
            xLabel = label;
            xLog = logarithmic;
            return this;
        }

        public Builder yAxis(String label, boolean logarithmic) {
            return yAxis(label, logarithmic ? Scale.LOG : Scale.LINEAR);
        }

        /** The y axis with its scale; for {@link Scale#SYMLOG} set the linear band with {@link #symlogThreshold}. */
        public Builder yAxis(String label, Scale scale) {
            yLabel = label;
            yScale = scale;
            yLog = scale == Scale.LOG;
            return this;
        }

        /** c of the symmetric-log axis: linear within ±c, one decade per factor 10 beyond (default: from the data). */
        public Builder symlogThreshold(double threshold) {
            symlogThreshold = threshold;
            return this;
        }

        /** Fixes the y range instead of fitting it to the data. */
        public Builder yRange(double lower, double upper) {
            if (!(lower < upper)) {
                throw new IllegalArgumentException("empty y range " + lower + " … " + upper);
            }
            yLower = lower;
            yUpper = upper;
            return this;
        }

        /** A line of small text under the title. */
        public Builder subtitle(String text) {
            subtitles.add(text);
            return this;
        }

        /** A solid series in the next palette colour. */
        public Builder series(String name, double[] x, double[] y) {
            return series(name, x, y, ChartStyle.seriesColor(series.size()), false);
        }

        public Builder series(String name, double[] x, double[] y, Color color, boolean dashed) {
            return add(name, x, y, color, dashed, true);
        }

        private Builder add(String name, double[] x, double[] y, Color color, boolean dashed, boolean listed) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length
                        + " y values");
            }
            series.add(new Series(name, x.clone(), y.clone(), color, dashed, listed));
            return this;
        }

        /** A solid series without a legend entry of its own (one of many, explained by {@link #legendSolid}). */
        public Builder unlistedSeries(String name, double[] x, double[] y, Color color) {
            return add(name, x, y, color, false, false);
        }

        /**
         * A dashed series without a legend entry of its own (e.g. the spread of a median drawn beside it, explained by
         * {@link #legendLine}).
         */
        public Builder unlistedDashedSeries(String name, double[] x, double[] y, Color color) {
            return add(name, x, y, color, true, false);
        }

        /** A dashed horizontal line at {@code value}, labelled just inside the plot's left edge (label may be empty). */
        public Builder horizontalLine(double value, String label, Color color) {
            return horizontalLine(value, label, color, 4);
        }

        /**
         * A dashed horizontal line labelled {@code labelInset} pixels inside the plot's left edge; give close lines
         * different insets so that their labels stand side by side instead of on top of each other.
         */
        public Builder horizontalLine(double value, String label, Color color, double labelInset) {
            references.add(new Reference(value, label, color, labelInset));
            return this;
        }

        /** A shaded x interval [start, end], labelled at its top (label may be empty). */
        public Builder interval(double start, double end, String label, Color color) {
            intervals.add(new Interval(start, end, label, color));
            return this;
        }

        /** A legend entry drawn as a dashed line, for reference lines. */
        public Builder legendLine(String name, Color color) {
            extraLegend.add(new LegendEntry(name, color, false, false));
            return this;
        }

        /** A legend entry drawn as a solid line, for a group of unlisted series. */
        public Builder legendSolid(String name, Color color) {
            extraLegend.add(new LegendEntry(name, color, false, true));
            return this;
        }

        /** A legend entry drawn as a shaded box, for intervals. */
        public Builder legendShade(String name, Color color) {
            extraLegend.add(new LegendEntry(name, color, true, false));
            return this;
        }

        public JFreeChart build() {
            DefaultXYDataset dataset = new DefaultXYDataset();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true);
            double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            boolean symlog = yScale == Scale.SYMLOG;
            double threshold = symlog ? (Double.isNaN(symlogThreshold) ? automaticThreshold() : symlogThreshold) : 1;
            for (int s = 0; s < series.size(); s++) {
                Series line = series.get(s);
                double[] y = symlog ? transformed(line.y(), threshold) : line.y();
                double[][] points = Decimation.drawable(line.x(), y, xLog, yLog);
                extend(xRange, points[0]);
                extend(yRange, points[1]);
                double[][] drawn = Decimation.thin(points[0], points[1], xLog);
                dataset.addSeries(uniqueKey(dataset, line.name()), drawn);
                renderer.setSeriesPaint(s, line.color());
                renderer.setSeriesStroke(s, line.dashed() ? ChartStyle.DASHED : ChartStyle.LINE);
                renderer.setSeriesVisibleInLegend(s, line.listed());
                if (drawn[0].length <= SPARSE_POINTS && !line.dashed()) {
                    renderer.setSeriesShapesVisible(s, true);
                    renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
                }
            }
            ValueAxis yAxis = symlog ? styled(new SymmetricLogAxis(yLabel, threshold)) : axis(yLabel, yLog, yRange);
            List<Reference> drawnReferences = symlog ? references.stream().map(reference -> new Reference(
                    SymmetricLogAxis.transform(reference.value(), threshold), reference.label(), reference.color(),
                    reference.labelInset())).toList() : references;
            double lower = symlog ? SymmetricLogAxis.transform(yLower, threshold) : yLower;
            double upper = symlog ? SymmetricLogAxis.transform(yUpper, threshold) : yUpper;
            XYPlot plot = new XYPlot(dataset, axis(xLabel, xLog, xRange), yAxis, renderer);
            plot.setBackgroundPaint(ChartStyle.BACKGROUND);
            plot.setDomainGridlinePaint(ChartStyle.GRID);
            plot.setRangeGridlinePaint(ChartStyle.GRID);
            plot.setDomainGridlineStroke(new BasicStroke(0.8f));
            plot.setRangeGridlineStroke(new BasicStroke(0.8f));
            plot.setOutlinePaint(ChartStyle.GRID);
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            if (!Double.isNaN(lower)) {
                plot.getRangeAxis().setRange(lower, upper);
            } else {
                fitAutomaticYRange(plot, yRange, drawnReferences);
            }
            for (Interval interval : intervals) {
                IntervalMarker marker = new IntervalMarker(interval.start(), interval.end(), interval.color());
                marker.setOutlinePaint(null);
                if (!interval.label().isEmpty()) {
                    marker.setLabel(interval.label());
                    marker.setLabelFont(ChartStyle.MARKER_FONT);
                    marker.setLabelPaint(ChartStyle.REFERENCE);
                    marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
                    marker.setLabelAnchor(RectangleAnchor.TOP);
                    marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
                    marker.setLabelOffset(new RectangleInsets(4, 0, 0, 0));
                }
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
            for (Reference reference : drawnReferences) {
                ValueMarker marker = new ValueMarker(reference.value(), reference.color(), ChartStyle.DASHED);
                if (!reference.label().isEmpty()) {
                    marker.setLabel(reference.label());
                    marker.setLabelFont(ChartStyle.MARKER_FONT);
                    marker.setLabelPaint(reference.color());
                    marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                    marker.setLabelAnchor(RectangleAnchor.LEFT);
                    marker.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
                    marker.setLabelOffset(new RectangleInsets(0, reference.labelInset(), 0, 0));
                }
                plot.addRangeMarker(marker, Layer.BACKGROUND); // under the data: labels never hide a curve
            }
            JFreeChart chart = ChartStyle.chart(title, plot);
            for (String text : subtitles) {
                TextTitle subtitle = new TextTitle(text, ChartStyle.SUBTITLE_FONT);
                subtitle.setPaint(ChartStyle.REFERENCE);
                chart.addSubtitle(subtitle);
            }
            addLegend(chart, plot);
            return chart;
        }

        private void addLegend(JFreeChart chart, XYPlot plot) {
            LegendItemCollection items = new LegendItemCollection();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Series line : series) {
                // one entry per name, colour and dash: several series drawn alike (one line per eigenvalue of a run)
                // share it
                if (line.listed() && seen.add(line.name() + "|" + line.color() + "|" + line.dashed())) {
                    items.add(line.dashed() ? lineItem(line.name(), line.color()) : solidItem(line.name(), line.color()));
                }
            }
            for (LegendEntry entry : extraLegend) {
                if (seen.add(entry.name() + "|" + entry.color() + "|" + entry.shaded() + entry.solid())) {
                    items.add(entry.shaded() ? shadeItem(entry.name(), entry.color())
                            : entry.solid() ? solidItem(entry.name(), entry.color())
                            : lineItem(entry.name(), entry.color()));
                }
            }
            if (items.getItemCount() == 0) {
                return;
            }
            if (items.getItemCount() > MAX_LEGEND_ITEMS) {
                int hidden = items.getItemCount() - (MAX_LEGEND_ITEMS - 1);
                LegendItemCollection cut = new LegendItemCollection();
                for (int i = 0; i < MAX_LEGEND_ITEMS - 1; i++) {
                    cut.add(items.get(i));
                }
                cut.add(new LegendItem("… " + hidden + " more", "", null, null, new Rectangle2D.Double(0, 0, 1, 1),
                        ChartStyle.BACKGROUND));
                items = cut;
            }
            for (int i = 0; i < items.getItemCount(); i++) {
                items.get(i).setLabelFont(ChartStyle.LEGEND_FONT);
            }
            plot.setFixedLegendItems(items);
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(ChartStyle.LEGEND_FONT);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(ChartStyle.BACKGROUND);
            legend.setItemLabelPadding(new RectangleInsets(2, 2, 2, 10));
            chart.addLegend(legend);
        }

        private static LegendItem lineItem(String name, Paint color) {
            LegendItem item = new LegendItem(name, "", null, null, false, new Rectangle2D.Double(0, 0, 1, 1), false,
                    color, false, color, ChartStyle.DASHED, true, new Line2D.Double(-9, 0, 9, 0), ChartStyle.DASHED,
                    color);
            return item;
        }

        private static LegendItem solidItem(String name, Paint color) {
            return new LegendItem(name, "", null, null, false, new Rectangle2D.Double(0, 0, 1, 1), false,
                    color, false, color, ChartStyle.LINE, true, new Line2D.Double(-9, 0, 9, 0), ChartStyle.LINE,
                    color);
        }

        /** c for a symmetric-log axis: the decade below the smallest non-zero |y| at the series' first points. */
        private double automaticThreshold() {
            double largest = 0;
            double smallestStart = Double.POSITIVE_INFINITY;
            for (Series line : series) {
                for (double value : line.y()) {
                    if (Double.isFinite(value)) {
                        largest = Math.max(largest, Math.abs(value));
                    }
                }
                if (line.y().length > 0 && Double.isFinite(line.y()[0]) && line.y()[0] != 0) {
                    smallestStart = Math.min(smallestStart, Math.abs(line.y()[0]));
                }
            }
            if (largest == 0) {
                return 1;
            }
            double floor = 1e-8 * largest;
            return SymmetricLogAxis.decadeBelow(Math.max(floor, Math.min(smallestStart, largest)));
        }

        private static double[] transformed(double[] values, double threshold) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = SymmetricLogAxis.transform(values[i], threshold);
            }
            return out;
        }

        private static LegendItem shadeItem(String name, Color color) {
            return new LegendItem(name, "", null, null, new Rectangle2D.Double(-6, -6, 12, 12), color);
        }

        private static String uniqueKey(DefaultXYDataset dataset, String name) {
            String key = name;
            for (int copy = 2; dataset.indexOf(key) >= 0; copy++) {
                key = name + " (" + copy + ")";
            }
            return key;
        }

        /**
         * Fits an automatic y range: widened so that every reference line is visible (a target the data never reach),
         * and on a logarithmic axis extended to whole decades, so that both ends carry a labelled power of ten.
         */
        private void fitAutomaticYRange(XYPlot plot, double[] dataRange, List<Reference> references) {
            double low = dataRange[0];
            double high = dataRange[1];
            for (Reference reference : references) {
                if (!yLog || reference.value() > 0) {
                    low = Math.min(low, reference.value());
                    high = Math.max(high, reference.value());
                }
            }
            if (yLog && low > 0 && high < Double.POSITIVE_INFINITY) {
                double lowDecade = Math.floor(Math.log10(low));
                double highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(high)));
                // the lower end a hair below its decade: 10^-k is not a double, and the axis would drop that tick
                plot.getRangeAxis().setRange(0.999 * Math.pow(10, lowDecade), Math.pow(10, highDecade));
            } else if (low < dataRange[0] || high > dataRange[1]) {
                double margin = yLog ? 0 : 0.05 * (high - low);
                plot.getRangeAxis().setRange(yLog ? low / 1.5 : low - margin, yLog ? high * 1.5 : high + margin);
            }
        }

        private static void extend(double[] range, double[] values) {
            for (double value : values) {
                range[0] = Math.min(range[0], value);
                range[1] = Math.max(range[1], value);
            }
        }

        /**
         * A logarithmic axis gets ticks at whole powers of ten (every 1, 2, 5, … decades, as space allows) with minor
         * ticks at 2…9 times them; its labels are plain numbers (1, 10, 1,000) when all data lie in [1, 10⁹], as
         * iteration counts do, and powers 10ᵏ otherwise. Zoomed into less than a decade it labels values in between
         * ({@link ZoomableLogAxis}).
         */
        private static ValueAxis axis(String label, boolean logarithmic, double[] range) {
            ValueAxis axis;
            if (logarithmic) {
                LogAxis log = new ZoomableLogAxis(label);
                log.setBase(10);
                log.setSmallestValue(1e-300);
                TickUnits decades = new TickUnits();
                for (int step : new int[]{1, 2, 3, 5, 10, 20, 50, 100}) {
                    decades.add(RootLocaleTicks.unit(step));
                }
                log.setStandardTickUnits(decades);
                if (range[0] > 0 && Math.log10(range[1] / range[0]) <= 18) {
                    log.setTickUnit(RootLocaleTicks.unit(1)); // every decade labelled while they fit
                }
                log.setMinorTickCount(9);
                log.setMinorTickMarksVisible(true);
                if (range[0] >= 1 && range[1] <= 1e9) {
                    log.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
                }
                axis = log;
            } else {
                NumberAxis linear = new NumberAxis(label);
                linear.setStandardTickUnits(RootLocaleTicks.standard());
                linear.setAutoRangeIncludesZero(false);
                // a (nearly) constant series, such as the effective rank 1 of a 1×1 product, would otherwise get an
                // axis 1e-8 wide whose ticks all print the same number: at least 1 % of the values' size
                double size = Math.max(Math.abs(range[0]), Math.abs(range[1]));
                if (Double.isFinite(size)) {
                    linear.setAutoRangeMinimumSize(Math.max(linear.getAutoRangeMinimumSize(), 1e-2 * size));
                }
                axis = linear;
            }
            return styled(axis);
        }

        private static ValueAxis styled(ValueAxis axis) {
            axis.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
            axis.setTickLabelFont(ChartStyle.TICK_FONT);
            axis.setLabelPaint(Color.BLACK);
            axis.setTickLabelPaint(Color.BLACK);
            axis.setAxisLinePaint(ChartStyle.REFERENCE);
            axis.setTickMarkPaint(ChartStyle.REFERENCE);
            return axis;
        }
    }
}
