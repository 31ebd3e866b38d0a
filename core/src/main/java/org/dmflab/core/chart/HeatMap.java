package org.dmflab.core.chart;

import java.awt.Color;
import java.awt.Paint;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A heat map in the {@link ChartStyle}: one cell per pair of values of two swept settings (a phase diagram), coloured
 * on a sequential scale explained by a colour bar, each cell also labelled with its value. The axes are categorical:
 * the cells stand side by side in the order given, whatever the spacing of the values; a blank cell has no value.
 */
public final class HeatMap {
    /** Light to dark: pale yellow, green, blue, dark blue (a viridis-like ramp, readable in grey scale too). */
    private static final Color[] RAMP = {new Color(0xFDE725), new Color(0x5EC962), new Color(0x21918C),
            new Color(0x3B528B), new Color(0x440154)};

    private HeatMap() {
    }

    /**
     * The values of a heat map.
     *
     * @param title       the chart's title
     * @param subtitle    a line under it (empty for none)
     * @param xLabel      the horizontal axis' title
     * @param xValues     the column labels, left to right
     * @param yLabel      the vertical axis' title
     * @param yValues     the row labels, bottom to top
     * @param values      {@code values[x][y]}, NaN for an empty cell
     * @param scaleLabel  the colour bar's title
     * @param logarithmic colour by log₁₀ of the value (errors spanning decades); values must then be positive
     * @param lower       the value at the light end of the scale
     * @param upper       the value at the dark end
     * @param cellText    the text written in a cell
     */
    public record Spec(String title, String subtitle, String xLabel, java.util.List<String> xValues, String yLabel,
                       java.util.List<String> yValues, double[][] values, String scaleLabel, boolean logarithmic,
                       double lower, double upper, DoubleFunction<String> cellText) {
        public Spec {
            Objects.requireNonNull(title, "title");
            xValues = java.util.List.copyOf(xValues);
            yValues = java.util.List.copyOf(yValues);
            int rows = yValues.size();
            if (values.length != xValues.size() || java.util.Arrays.stream(values)
                    .anyMatch(column -> column.length != rows)) {
                throw new IllegalArgumentException("a heat map needs one value per pair of x and y values");
            }
            if (!(upper > lower)) {
                throw new IllegalArgumentException("the colour scale needs lower < upper");
            }
        }
    }

    /** Draws {@code spec}. */
    public static JFreeChart of(Spec spec) {
        int columns = spec.xValues().size();
        int rows = spec.yValues().size();
        double[][] data = new double[3][columns * rows];
        int i = 0;
        for (int x = 0; x < columns; x++) {
            for (int y = 0; y < rows; y++) {
                double value = spec.values()[x][y];
                data[0][i] = x;
                data[1][i] = y;
                data[2][i] = Double.isNaN(value) ? Double.NaN : scaled(spec, value);
                i++;
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(spec.scaleLabel(), data);
        double low = scaled(spec, spec.lower());
        double high = scaled(spec, spec.upper());
        Ramp ramp = new Ramp(low, high);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(ramp);
        SymbolAxis xAxis = axis(spec.xLabel(), spec.xValues());
        SymbolAxis yAxis = axis(spec.yLabel(), spec.yValues());
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(ChartStyle.BACKGROUND);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(ChartStyle.GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int x = 0; x < columns; x++) {
            for (int y = 0; y < rows; y++) {
                double value = spec.values()[x][y];
                if (Double.isNaN(value)) {
                    continue;
                }
                XYTextAnnotation text = new XYTextAnnotation(spec.cellText().apply(value), x, y);
                text.setFont(ChartStyle.LEGEND_FONT);
                text.setTextAnchor(TextAnchor.CENTER);
                double position = (scaled(spec, value) - low) / (high - low);
                text.setPaint(position > 0.45 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(text);
            }
        }
        JFreeChart chart = ChartStyle.chart(spec.title(), plot);
        if (!spec.subtitle().isEmpty()) {
            TextTitle subtitle = new TextTitle(spec.subtitle(), ChartStyle.SUBTITLE_FONT);
            subtitle.setPaint(ChartStyle.REFERENCE);
            chart.addSubtitle(subtitle);
        }
        NumberAxis scaleAxis = new NumberAxis(spec.logarithmic() ? "log₁₀ " + spec.scaleLabel() : spec.scaleLabel());
        scaleAxis.setRange(low, high);
        scaleAxis.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
        scaleAxis.setTickLabelFont(ChartStyle.TICK_FONT);
        // whole decades on a log scale, quarters on a rate
        scaleAxis.setTickUnit(RootLocaleTicks.unit(spec.logarithmic() ? 1 : (high - low) / 4));
        PaintScaleLegend bar = new PaintScaleLegend(ramp, scaleAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(14);
        bar.setMargin(new RectangleInsets(8, 12, 8, 0));
        bar.setFrame(BlockBorder.NONE);
        bar.setBackgroundPaint(ChartStyle.BACKGROUND);
        chart.addSubtitle(bar);
        return chart;
    }

    private static double scaled(Spec spec, double value) {
        return spec.logarithmic() ? Math.log10(value) : value;
    }

    private static SymbolAxis axis(String label, java.util.List<String> values) {
        SymbolAxis axis = new SymbolAxis(label, values.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        axis.setLabelFont(ChartStyle.AXIS_LABEL_FONT);
        axis.setTickLabelFont(ChartStyle.TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(ChartStyle.REFERENCE);
        axis.setRange(-0.5, values.size() - 0.5);
        return axis;
    }

    /** The colour ramp between two values; values outside are clamped to its ends. */
    private record Ramp(double lower, double upper) implements PaintScale {
        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return ChartStyle.BACKGROUND;
            }
            double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (RAMP.length - 1);
            int at = Math.min((int) Math.floor(t), RAMP.length - 2);
            double f = t - at;
            Color a = RAMP[at];
            Color b = RAMP[at + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }

    /** A cell text: a rate as a percentage, e.g. {@code 70%}. */
    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * rate);
    }

    /** A cell text: a value with three significant digits, e.g. {@code 3.27e-04}. */
    public static String scientific(double value) {
        return String.format(Locale.ROOT, "%.2e", value);
    }
}
