package org.dmflab.core.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A symmetric-log value axis for data of both signs spanning decades (eigenvalue trajectories of perturbed and
 * Gaussian starts): values are drawn at s(y) = sign(y)·log₁₀(1 + |y|/c), linear within ±c and logarithmic beyond, and
 * the axis is labelled at 0 and at every decade ±10ᵏ ≥ c with its true value. JFreeChart's own {@code
 * LogarithmicAxis} with negatives allowed is linear below 10, which hides the growth from α^N ≪ 1; this axis does not.
 * Callers transform their data with {@link #transform}; the plot's numbers are transformed numbers.
 */
final class SymmetricLogAxis extends NumberAxis {
    private final double threshold;

    /** @param threshold c, the half-width of the linear band around 0 (a power of ten reads best) */
    SymmetricLogAxis(String label, double threshold) {
        super(label);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("symmetric-log threshold must be positive: " + threshold);
        }
        this.threshold = threshold;
        setAutoRangeIncludesZero(false);
    }

    /** s(y) = sign(y)·log₁₀(1 + |y|/c). */
    static double transform(double value, double threshold) {
        return Math.signum(value) * Math.log10(1 + Math.abs(value) / threshold);
    }

    /** The power of ten at or below {@code value}. */
    static double decadeBelow(double value) {
        return Math.pow(10, Math.floor(Math.log10(value)));
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        double lower = getLowerBound();
        double upper = getUpperBound();
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
        add(ticks, 0, "0", lower, upper, anchor);
        int first = (int) Math.round(Math.log10(threshold));
        for (int k = first; k <= first + 40; k++) {
            double magnitude = Math.pow(10, k);
            double position = transform(magnitude, threshold);
            if (position > Math.max(Math.abs(lower), Math.abs(upper))) {
                break;
            }
            add(ticks, position, power(k, false), lower, upper, anchor);
            add(ticks, -position, power(k, true), lower, upper, anchor);
        }
        return ticks;
    }

    private static void add(List<NumberTick> ticks, double position, String label, double lower, double upper,
                            TextAnchor anchor) {
        if (position >= lower && position <= upper) {
            ticks.add(new NumberTick(TickType.MAJOR, position, label, anchor, anchor, 0));
        }
    }

    /** 10ᵏ with superscript digits, signed. */
    static String power(int exponent, boolean negative) {
        String digits = Integer.toString(exponent);
        StringBuilder text = new StringBuilder(negative ? "−10" : "10");
        for (char c : digits.toCharArray()) {
            text.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return text.toString();
    }
}
