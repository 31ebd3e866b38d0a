package org.dmflab.core.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * The look every DMF Lab chart shares: the Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito, "Color Universal
 * Design", 2008), white background, light grey grid, and fonts from the logical family "SansSerif", which exists on
 * every JVM, headless included (DejaVu Sans on Linux). Sizes are chosen to stay readable at 800×500 pixels.
 */
public final class ChartStyle {
    /** Okabe–Ito, in the order series use them: yellow last, because it is weak on white. */
    private static final Color[] PALETTE = {
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xE69F00), // orange
            new Color(0xCC79A7), // reddish purple
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0xF0E442), // yellow
    };

    public static final Color BACKGROUND = Color.WHITE;
    public static final Color GRID = new Color(0xDDDDDD);
    public static final Color REFERENCE = new Color(0x555555);
    /** Shading of intervals (predicted plateaus): Okabe–Ito orange, mostly transparent. */
    public static final Color SHADE = new Color(0xE6, 0x9F, 0x00, 56);

    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    public static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    public static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    public static final Font MARKER_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);

    public static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke DASHED = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{6f, 4f}, 0f);

    private ChartStyle() {
    }

    /**
     * A chart of {@code plot} with {@code title}, without legend, in this style: white, anti-aliased text and lines,
     * quality rendering with fractional metrics (with JFreeChart's default pure stroke control: the hints of every
     * PNG and chart view), the same padding.
     */
    public static org.jfree.chart.JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        org.jfree.chart.JFreeChart chart = new org.jfree.chart.JFreeChart(title, TITLE_FONT, plot, false);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(java.awt.RenderingHints.KEY_RENDERING,
                java.awt.RenderingHints.VALUE_RENDER_QUALITY);
        chart.getRenderingHints().put(java.awt.RenderingHints.KEY_FRACTIONALMETRICS,
                java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(6, 8, 6, 14));
        return chart;
    }

    /** The colour of series {@code index} (0-based); the palette repeats after eight series. */
    public static Color seriesColor(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * Colour {@code index} of {@code count} in a sequential scale from dark blue-grey to light grey-blue, for series
     * beyond the palette: graded by index, so neighbours are told apart by order, not by hue.
     */
    public static Color gradedColor(int index, int count) {
        double t = count <= 1 ? 0 : (double) index / (count - 1);
        return new Color((int) Math.round(40 + t * (190 - 40)), (int) Math.round(55 + t * (200 - 55)),
                (int) Math.round(90 + t * (225 - 90)));
    }

    /**
     * Colour {@code index} of {@code count} in a light grey scale, for the values of W where the target's are zero: a
     * band behind the named series, graded by index like {@link #gradedColor}.
     */
    public static Color tailColor(int index, int count) {
        double t = count <= 1 ? 0 : (double) index / (count - 1);
        int grey = (int) Math.round(150 + t * (215 - 150));
        return new Color(grey, grey, grey);
    }

    /** The number of distinct series colours. */
    public static int paletteSize() {
        return PALETTE.length;
    }

    /** {@code base} with subscript digits, e.g. λ₁₂ for ("λ", 12). */
    public static String subscripted(String base, int index) {
        StringBuilder text = new StringBuilder(base);
        for (char digit : Integer.toString(index).toCharArray()) {
            text.append((char) ('₀' + (digit - '0')));
        }
        return text.toString();
    }
}
