package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * A log axis zoomed by the user into any range, down to a sliver of one decade, keeps at least two labelled ticks
 * inside the range, and every label is the number it stands at (read back within the precision it prints).
 */
class ZoomedLogAxisTest {
    private static final Rectangle2D PLOT = new Rectangle2D.Double(60, 20, 700, 400);

    @Test
    void everyZoomedRangeOfBothLogAxesKeepsALabelledTick() throws java.io.IOException {
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + i * 50;
            y[i] = Math.exp(-i / 10.0);
        }
        JFreeChart chart = LineChart.builder("loss").xAxis("iteration k (log scale)", true)
                .yAxis("loss (log scale)", true).series("loss", x, y).build();
        Graphics2D g2 = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 800, 500));
        Random random = new Random(7);
        int cases = 0;
        for (int trial = 0; trial < 400; trial++) {
            boolean vertical = trial % 2 == 0;
            ValueAxis axis = vertical ? chart.getXYPlot().getRangeAxis() : chart.getXYPlot().getDomainAxis();
            assertThat(axis).isInstanceOf(ZoomableLogAxis.class);
            // ranges from a 10⁻⁶ sliver of a decade to six decades, anywhere from 10⁻¹⁰ to 10⁵
            double lower = Math.pow(10, -10 + 15 * random.nextDouble());
            double width = Math.pow(10, -6 + 12 * random.nextDouble());
            double upper = lower * Math.pow(10, Math.min(6, Math.log10(1 + width)));
            axis.setRange(lower, upper);
            List<?> ticks = axis.refreshTicks(g2, new AxisState(), PLOT, vertical ? RectangleEdge.LEFT
                    : RectangleEdge.BOTTOM);
            List<org.jfree.chart.axis.ValueTick> labelled = ticks.stream().map(org.jfree.chart.axis.ValueTick.class::cast)
                    .filter(t -> t.getTickType() == TickType.MAJOR && t.getValue() >= lower && t.getValue() <= upper)
                    .toList();
            assertThat(labelled).as("trial %d: [%s, %s]", trial, lower, upper).hasSizeGreaterThanOrEqualTo(2);
            for (org.jfree.chart.axis.ValueTick tick : labelled) {
                String text = text(tick);
                assertThat(text).as("trial %d: a label", trial).isNotBlank();
            }
            cases++;
        }
        assertThat(cases).isEqualTo(400);
        // for looking at after the build: both axes zoomed inside one decade
        chart.getXYPlot().getRangeAxis().setRange(2.1e-3, 2.9e-3);
        chart.getXYPlot().getDomainAxis().setRange(1200, 1800);
        java.nio.file.Path dir = java.nio.file.Path.of("target", "charts");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("zoomed-log-axes.png"), ChartRenderer.png(chart, 800, 500));
    }

    /** A tick's label: plain text, or the attributed text (superscript powers) of JFreeChart's log ticks. */
    private static String text(org.jfree.chart.axis.ValueTick tick) {
        if (tick instanceof org.jfree.chart.axis.LogTick log && log.getAttributedLabel() != null) {
            StringBuilder text = new StringBuilder();
            var characters = log.getAttributedLabel().getIterator();
            for (char c = characters.first(); c != java.text.CharacterIterator.DONE; c = characters.next()) {
                text.append(c);
            }
            return text.toString();
        }
        return tick.getText();
    }

    @Test
    void labelsInsideADecadeReadAsTheirValues() {
        // [2.1, 2.9]·10⁻³ holds no m·10ᵏ but 0.002·k steps: 0.0022, 0.0024, … read back to the digit they print
        org.jfree.data.Range range = new org.jfree.data.Range(2.1e-3, 2.9e-3);
        List<Double> values = ZoomableLogAxis.labelledValues(range);
        assertThat(values).hasSizeBetween(2, 10).allSatisfy(v -> assertThat(v).isBetween(2.1e-3, 2.9e-3));
        for (double value : values) {
            double read = Double.parseDouble(ZoomableLogAxis.label(value, range));
            assertThat(Math.abs(read - value)).isLessThan(range.getLength() / 100);
        }
        // a range across 2·10ᵏ and 5·10ᵏ labels those, in plain digits
        org.jfree.data.Range wide = new org.jfree.data.Range(150, 700);
        assertThat(ZoomableLogAxis.labelledValues(wide)).containsExactly(200.0, 500.0);
        assertThat(ZoomableLogAxis.label(500, wide)).isEqualTo("500");
        assertThat(ZoomableLogAxis.label(2e-7, new org.jfree.data.Range(1.5e-7, 7e-7))).isEqualTo("2e-7");
    }
}
