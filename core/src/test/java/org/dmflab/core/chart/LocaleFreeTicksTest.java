package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * Charts drawn in a German JVM equal those drawn in an English one: tick labels use Locale.ROOT's symbols (JFreeChart
 * would print "1,5" and "10.000" under Locale.GERMANY), so a run gives the same PNG on every machine.
 */
class LocaleFreeTicksTest {
    /** Linear axes with fractional ticks (1.0 … 1.9) and grouped thousands (0 … 20 000). */
    private static JFreeChart chart() {
        double[] x = new double[21];
        double[] y = new double[21];
        for (int i = 0; i <= 20; i++) {
            x[i] = 1000.0 * i;
            y[i] = 1 + 0.045 * i;
        }
        return LineChart.builder("t").xAxis("k", false).yAxis("effective rank", false).series("run", x, y).build();
    }

    private static List<String> labels(ValueAxis axis, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        return ((List<?>) axis.refreshTicks(image.createGraphics(), new AxisState(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 700, 400), edge)).stream()
                .map(tick -> ((NumberTick) tick).getText()).filter(text -> !text.isEmpty()).toList();
    }

    @Test
    void germanAndEnglishJvmsDrawTheSameChart() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            JFreeChart german = chart();
            byte[] germanPng = ChartRenderer.png(german, 800, 500);
            List<String> yLabels = labels(german.getXYPlot().getRangeAxis(), RectangleEdge.LEFT);
            List<String> xLabels = labels(german.getXYPlot().getDomainAxis(), RectangleEdge.BOTTOM);
            Locale.setDefault(Locale.US);
            byte[] englishPng = ChartRenderer.png(chart(), 800, 500);
            assertThat(yLabels).isNotEmpty().allMatch(label -> label.matches("\\d+\\.\\d+"));
            assertThat(xLabels).isNotEmpty().allMatch(label -> label.matches("\\d{1,3}(,\\d{3})*"))
                    .anyMatch(label -> label.contains(","));
            assertThat(germanPng).isEqualTo(englishPng);
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The relabelled units are JFreeChart's own, as its Javadoc says: in an English JVM, where JFreeChart's symbols are
     * Locale.ROOT's, the standard and the whole-number sources give, for sizes 10⁻⁶ … 10⁹ (four per decade), the
     * ceiling unit and the next larger one of JFreeChart's size and minor tick count, formatting values to the same
     * text, and a fixed unit ({@link RootLocaleTicks#unit}) is labelled as JFreeChart's own of that size. JFreeChart's
     * {@link NumberTickUnitSource} and {@code NumberTickUnit} are the independent truth.
     */
    @Test
    void inAnEnglishJvmTheUnitsAreJFreeChartsOwn() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            int cases = 0;
            for (boolean integers : new boolean[]{false, true}) {
                NumberTickUnitSource jfree = new NumberTickUnitSource(integers);
                TickUnitSource root = integers ? RootLocaleTicks.integers() : RootLocaleTicks.standard();
                for (int power = -6; power <= 9; power++) {
                    for (double factor : new double[]{1, 1.7, 3.3, 7.1}) {
                        double size = factor * Math.pow(10, power);
                        TickUnit expected = jfree.getCeilingTickUnit(size);
                        TickUnit actual = root.getCeilingTickUnit(size);
                        assertSameUnit(actual, expected, "ceiling of " + size);
                        assertSameUnit(root.getLargerTickUnit(actual), jfree.getLargerTickUnit(expected),
                                "larger than " + size);
                        cases++;
                    }
                }
            }
            // a fixed unit is labelled as JFreeChart's own unit of that size
            for (double size : new double[]{0.001, 0.25, 1, 2.5, 1000, 1e6}) {
                assertSameUnit(RootLocaleTicks.unit(size), new org.jfree.chart.axis.NumberTickUnit(size),
                        "fixed unit " + size);
                cases++;
            }
            assertThat(cases).isEqualTo(2 * 16 * 4 + 6);
        } finally {
            Locale.setDefault(before);
        }
    }

    private static void assertSameUnit(TickUnit actual, TickUnit expected, String what) {
        assertThat(actual.getSize()).as(what).isEqualTo(expected.getSize());
        assertThat(actual.getMinorTickCount()).as(what).isEqualTo(expected.getMinorTickCount());
        for (double multiple : new double[]{0, 1, -3, 7, 1234.5, 2.5e7}) {
            double value = multiple * expected.getSize();
            assertThat(actual.valueToString(value)).as(what + ", value " + value)
                    .isEqualTo(expected.valueToString(value));
        }
    }
}
