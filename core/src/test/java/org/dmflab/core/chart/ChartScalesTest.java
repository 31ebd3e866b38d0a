package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.Trace;
import org.dmflab.core.track.ScalarTraces;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.junit.jupiter.api.Test;

/** Log and symmetric-log scales, merged legend entries, markers on sparse series, captions that match the drawing. */
class ChartScalesTest {

    @Test
    void symmetricLogIsOddMonotoneAndLabelledAtEveryDecade() {
        double c = 1e-3;
        double previous = Double.NEGATIVE_INFINITY;
        for (double y = -10; y <= 10; y += 0.01) {
            double s = SymmetricLogAxis.transform(y, c);
            assertThat(s).isGreaterThan(previous);
            assertThat(SymmetricLogAxis.transform(-y, c)).isEqualTo(-s);
            previous = s;
        }
        // one decade per factor 10 beyond the linear band: s(10ᵏ) − s(10ᵏ⁻¹) → 1
        assertThat(SymmetricLogAxis.transform(10, c) - SymmetricLogAxis.transform(1, c)).isCloseTo(1, within(1e-3));
        JFreeChart chart = LineChart.builder("t").xAxis("k", false).yAxis("y", LineChart.Scale.SYMLOG)
                .symlogThreshold(c).series("a", new double[]{0, 1, 2}, new double[]{-5, 1e-3, 3}).build();
        SymmetricLogAxis axis = (SymmetricLogAxis) chart.getXYPlot().getRangeAxis();
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        chart.draw(image.createGraphics(), new java.awt.geom.Rectangle2D.Double(0, 0, 800, 500));
        List<String> labels = ((List<?>) axis.refreshTicks(image.createGraphics(), new org.jfree.chart.axis.AxisState(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 700, 400), org.jfree.chart.ui.RectangleEdge.LEFT))
                .stream().map(tick -> ((NumberTick) tick).getText()).toList();
        assertThat(labels).contains("0", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "−10⁻³", "−10⁻¹", "−10⁰");
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }

    @Test
    void seriesDrawnAlikeShareOneLegendEntryAndSparseSeriesShowTheirPoints() {
        double[] x = {1, 2, 3};
        Color blue = ChartStyle.seriesColor(0);
        JFreeChart chart = LineChart.builder("t").xAxis("k", false).yAxis("y", false)
                .series("gradient flow", x, new double[]{1, 2, 3}, blue, false)
                .series("gradient flow", x, new double[]{2, 3, 4}, blue, false)
                .series("gradient flow", x, new double[]{3, 4, 5}, blue, false)
                .series("descent", x, new double[]{3, 4, 5}, ChartStyle.seriesColor(1), false).build();
        assertThat(chart.getXYPlot().getFixedLegendItems().getItemCount()).isEqualTo(2);
        var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        assertThat(renderer.getSeriesShapesVisible(0)).isTrue();
    }

    @Test
    void eigenvalueScaleAndCaptionFollowTheSigns() {
        double[] lambda = {2, 1, -0.5};
        Trace identity = ScalarTraces.identicalStart(lambda, 3, 0.3, 0.05, 3000, 1);
        TrackResult result = SpectrumTracker.track(new TrackInput(identity, "trace",
                Optional.of(new Spectrum(lambda, SpectrumKind.EIGENVALUE)), "target", Optional.empty(), "p"),
                TrackConfig.defaults(), Progress.NONE);
        // the trajectories stay positive, the target line at −0.5 does not: symmetric log
        assertThat(TrackCharts.eigenvalues(result).getXYPlot().getRangeAxis()).isInstanceOf(SymmetricLogAxis.class);
        assertThat(TrackCharts.caption("eigenvalues", result, "")).contains("symmetric-log scale");
        // nothing predicted: the caption promises no shading, and names the level rule of the identical start
        String caption = TrackCharts.caption("effective-rank", result, "");
        assertThat(caption).doesNotContain("shaded").contains("Theorem 3.5″");
        assertThat(identity.init()).contains(Initialization.IDENTITY);
        // a PSD target: log scale
        double[] psd = {2, 1};
        TrackResult positive = SpectrumTracker.track(new TrackInput(ScalarTraces.identicalStart(psd, 3, 0.3, 0.05,
                3000, 1), "trace", Optional.of(new Spectrum(psd, SpectrumKind.EIGENVALUE)), "target",
                Optional.empty(), "p"), TrackConfig.defaults(), Progress.NONE);
        assertThat(TrackCharts.eigenvalues(positive).getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(TrackCharts.caption("eigenvalues", positive, "")).contains("on a log scale");
    }
}
