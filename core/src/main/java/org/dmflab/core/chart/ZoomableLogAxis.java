package org.dmflab.core.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A logarithmic axis that keeps labelled ticks when the user zooms into less than a decade: JFreeChart's {@link LogAxis}
 * labels only powers of ten, so a range zoomed into less than a decade would show one number or none. Then the axis
 * labels the values m·10ᵏ inside the range (m = 1, 2, 5 if they suffice, every m otherwise, or a finer evenly spaced
 * step), keeping its minor tick marks.
 */
final class ZoomableLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    /** Fewer labels than this inside the range and values in between are labelled (and finer sets tried). */
    private static final int ENOUGH_LABELS = 2;

    ZoomableLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Tick> ticks = new ArrayList<>(super.refreshTicks(g2, state, dataArea, edge));
        List<Double> labelled = new ArrayList<>();
        for (Tick tick : ticks) {
            if (tick instanceof ValueTick value && value.getTickType() == TickType.MAJOR
                    && getRange().contains(value.getValue())) {
                labelled.add(value.getValue());
            }
        }
        if (labelled.size() < ENOUGH_LABELS) {
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                    : TextAnchor.CENTER_LEFT) : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                    : TextAnchor.TOP_CENTER);
            for (double value : labelledValues(getRange())) {
                if (labelled.stream().noneMatch(done -> Math.abs(done - value) <= 1e-9 * value)) {
                    ticks.add(new NumberTick(TickType.MAJOR, value, label(value, getRange()), anchor, anchor, 0));
                }
            }
        }
        return ticks;
    }

    /** The values to label inside a positive range that holds no power of ten: at least one, at most about ten. */
    static List<Double> labelledValues(Range range) {
        double lower = range.getLowerBound();
        double upper = range.getUpperBound();
        int firstDecade = (int) Math.floor(Math.log10(lower));
        for (int[] mantissas : new int[][]{{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            List<Double> values = new ArrayList<>();
            for (int decade = firstDecade; Math.pow(10, decade) <= upper; decade++) {
                for (int m : mantissas) {
                    double value = m * Math.pow(10, decade);
                    if (value >= lower && value <= upper) {
                        values.add(value);
                    }
                }
            }
            if (values.size() >= ENOUGH_LABELS) {
                return values;
            }
        }
        // a narrow range between two such values: an evenly spaced step of 1, 2 or 5 times a power of ten
        double span = upper - lower;
        double step = Math.pow(10, Math.floor(Math.log10(span)));
        if (span / step < 2) {
            step /= 5;
        } else if (span / step < 4) {
            step /= 2;
        }
        List<Double> values = new ArrayList<>();
        for (double value = Math.ceil(lower / step) * step; value <= upper; value += step) {
            values.add(value);
        }
        if (values.isEmpty()) {
            values.add((lower + upper) / 2); // a range too narrow for doubles to step through
        }
        return values;
    }

    /** A label with as many significant digits as the range's width needs (≥ 1), plain for ordinary magnitudes. */
    static String label(double value, Range range) {
        int digits = Math.max(1, (int) Math.ceil(Math.log10(Math.abs(value) / range.getLength())) + 1);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(Math.min(digits, 15))).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString()
                : rounded.toString().replace("E", "e").replace("e+", "e");
    }
}
