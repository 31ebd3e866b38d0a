package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import javax.imageio.ImageIO;
import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.model.RankMeasures;
import org.dmflab.core.track.ScalarTraces;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.model.Trace;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.Plateau;

class TrackChartsTest {
    private static final double[] LAMBDA = ScalarTraces.FIGURE_3_SPECTRUM;
    /** theory.md §8.2: the certified plateaus; the last one has no end. */
    private static final long[][] CERTIFIED = {{717, 1177}, {1365, 2354}, {2697, 4712}, {5424, 9437}, {11011, 18925},
            {22502, -1}};

    private static Trace trace;
    private static TrackResult result;

    @BeforeAll
    static void track() {
        trace = ScalarTraces.figure3(25_000, 1);
        result = track(trace, Optional.of(new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE)), Optional.of(predicted()),
                true);
    }

    private static TrackResult track(Trace trace, Optional<Spectrum> target, Optional<List<Plateau>> predicted,
                                     boolean logX) {
        return SpectrumTracker.track(new TrackInput(trace, "trace", target, "target", predicted, "predicted"),
                new TrackConfig(0.01, 0.05, logX), Progress.NONE);
    }

    @Test
    void chartsRenderAsPngOfTheRequestedSize() throws IOException {
        TrackChartSet charts = TrackCharts.all(result);
        Path dir = Path.of("target", "charts");
        Files.createDirectories(dir);
        List<JFreeChart> all = List.of(charts.eigenvalues(), charts.effectiveRank(), charts.loss());
        List<String> names = List.of("eigenvalues", "effective-rank", "loss");
        for (int c = 0; c < all.size(); c++) {
            byte[] png = ChartRenderer.png(all.get(c), 800, 500);
            Files.write(dir.resolve(names.get(c) + ".png"), png); // for looking at them after the build
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("%s decodes", names.get(c)).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(500);
            assertThat(image.getRGB(0, 0)).as("white background").isEqualTo(0xFFFFFFFF);
            assertThat(distinctColours(image)).as("%s has drawn content", names.get(c)).isGreaterThan(20);
            assertThat(ChartRenderer.png(all.get(c), 800, 500)).as("same chart, same bytes").isEqualTo(png);
        }
    }

    @Test
    void eigenvalueChartHasOneSeriesPerEigenvalueOnALogIterationAxisWithTargetLines() {
        XYPlot plot = TrackCharts.eigenvalues(result).getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(6);
        assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("λ₁ → 8");
        assertThat(plot.getDomainAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("iteration k (log scale; k = 0 not shown)");
        assertThat(plot.getRangeAxis().getLabel()).isNotBlank();
        assertThat(plot.getRangeMarkers(Layer.BACKGROUND)).extracting(m -> ((ValueMarker) m).getValue())
                .containsExactly(8.0, 4.0, 2.0, 1.0, 0.5, 0.25);
        // iteration 0 is left out on the log axis: the first drawn x is 1
        assertThat(plot.getDataset().getXValue(0, 0)).isEqualTo(1.0);
    }

    @Test
    void effectiveRankChartShowsLevelsAndShadesThePredictedIntervals() {
        JFreeChart chart = TrackCharts.effectiveRank(result);
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(plot.getDomainAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("effective rank ‖W‖∗ / ‖W‖₂");
        assertThat(plot.getRangeMarkers(Layer.BACKGROUND)).hasSize(6);
        List<double[]> shaded = new ArrayList<>();
        for (Object marker : plot.getDomainMarkers(Layer.BACKGROUND)) {
            IntervalMarker interval = (IntervalMarker) marker;
            shaded.add(new double[]{interval.getStartValue(), interval.getEndValue()});
        }
        assertThat(shaded).hasSize(6);
        assertThat(shaded.get(0)).containsExactly(717, 1177);
        assertThat(shaded.get(5)).as("open-ended r=6 runs to the last iteration").containsExactly(22502, 25000);
        // the initial drop from 6 is cut off the axis, and a subtitle says so
        assertThat(plot.getRangeAxis().getUpperBound()).isLessThan(2.2);
        assertThat(((TextTitle) chart.getSubtitle(0)).getText()).contains("falls from 6.00");
        assertThat(chart.getLegend()).isNotNull();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            legend.add(plot.getFixedLegendItems().get(i).getLabel());
        }
        assertThat(legend).as("what a KNIME user reads: no equation tags")
                .contains("certified plateau intervals (predicted)").noneMatch(label -> label.contains("′"));
    }

    @Test
    void lossChartIsLogLog() {
        XYPlot plot = TrackCharts.loss(result).getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDomainAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getDomainAxis().getLabel()).isNotBlank();
        assertThat(plot.getRangeAxis().getLabel()).isNotBlank();
    }

    @Test
    void linearIterationAxisKeepsIterationZero() {
        TrackResult linear = track(trace, Optional.of(new Spectrum(LAMBDA, SpectrumKind.EIGENVALUE)), Optional.empty(),
                false);
        for (JFreeChart chart : List.of(TrackCharts.eigenvalues(linear), TrackCharts.effectiveRank(linear))) {
            XYPlot plot = chart.getXYPlot();
            assertThat(plot.getDomainAxis()).isInstanceOf(NumberAxis.class);
            assertThat(plot.getDomainAxis().getLabel()).isEqualTo("iteration k");
            assertThat(plot.getDataset().getXValue(0, 0)).isZero();
        }
        assertThat(TrackCharts.loss(linear).getXYPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(TrackCharts.effectiveRank(linear).getXYPlot().getDomainMarkers(Layer.BACKGROUND)).isNull();
    }

    @Test
    void withoutTargetTheTrajectoriesAreDrawnWithoutReferenceLines() {
        TrackResult bare = track(trace, Optional.empty(), Optional.empty(), true);
        XYPlot eigen = TrackCharts.eigenvalues(bare).getXYPlot();
        assertThat(eigen.getDataset().getSeriesCount()).isEqualTo(6);
        assertThat(eigen.getDataset().getSeriesKey(0)).isEqualTo("λ₁");
        assertThat(eigen.getRangeMarkers(Layer.BACKGROUND)).isNull();
        assertThat(TrackCharts.effectiveRank(bare).getXYPlot().getRangeMarkers(Layer.BACKGROUND)).isNull();
    }

    @Test
    void singularValueTargetsPlotSigmaAndZeroLossIsReported() {
        Trace.Builder builder = Trace.builder(0, 2);
        double[][] sigmas = {{0.01, 0.01}, {2.5, 0.5}, {3, 1}};
        for (int p = 0; p < sigmas.length; p++) {
            double loss = p == 2 ? 0 : 1.0 / (p + 1);
            builder.add(p * 10, TracePoint.of(new double[0], sigmas[p]).with(TraceMetric.TIME, p).with(TraceMetric.LOSS, loss).with(TraceMetric.ERROR_FRO, Math.sqrt(2 * loss)).with(TraceMetric.ERROR_OP, loss).with(TraceMetric.EFFECTIVE_RANK, RankMeasures.effectiveRank(sigmas[p])).with(TraceMetric.STABLE_RANK, RankMeasures.stableRank(sigmas[p])));
        }
        TrackResult svd = track(builder.build(), Optional.of(new Spectrum(new double[]{3, 1},
                SpectrumKind.SINGULAR_VALUE)), Optional.empty(), true);
        JFreeChart eigen = TrackCharts.eigenvalues(svd);
        assertThat(eigen.getTitle().getText()).contains("Singular values");
        // the view's tab says what the chart shows, for each kind of target
        assertThat(TrackCharts.tabTitles(svd)).containsExactly("Singular values", "Effective rank", "Loss and error");
        assertThat(TrackCharts.tabTitles(result)).containsExactly("Eigenvalues", "Effective rank", "Loss and error");
        assertThat(TrackCharts.eigenvalues(result).getTitle().getText()).startsWith("Eigenvalues");
        assertThat(eigen.getXYPlot().getDataset().getSeriesKey(1)).isEqualTo("σ₂ → 1");
        JFreeChart loss = TrackCharts.loss(svd);
        assertThat(((TextTitle) loss.getSubtitle(0)).getText()).startsWith("1 point with value 0");
        assertThat(loss.getXYPlot().getDataset().getItemCount(0)).isEqualTo(1); // iterations 10 only: 0 and 0-loss out
    }

    @Test
    void manySeriesGetAGradedScaleAndAReadableLegend() throws IOException {
        // 30 singular values decaying geometrically, each learned at a different time (N = 2 flow closed form (60′))
        int n = 30;
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = 10 * Math.pow(0.8, i);
        }
        Trace.Builder builder = Trace.builder(0, n);
        for (long k = 0; k <= 4000; k += 4) {
            double t = 0.01 * k;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = sigma[i] / (1 + (sigma[i] / 1e-6 - 1) * Math.exp(-2 * sigma[i] * t));
            }
            builder.add(k, TracePoint.of(new double[0], values).with(TraceMetric.TIME, t).with(TraceMetric.LOSS, 1).with(TraceMetric.ERROR_FRO, 1).with(TraceMetric.ERROR_OP, 1).with(TraceMetric.EFFECTIVE_RANK, RankMeasures.effectiveRank(values)).with(TraceMetric.STABLE_RANK, RankMeasures.stableRank(values)));
        }
        TrackResult many = track(builder.build(), Optional.of(new Spectrum(sigma, SpectrumKind.SINGULAR_VALUE)),
                Optional.empty(), false);
        JFreeChart chart = TrackCharts.eigenvalues(many);
        assertThat(chart.getXYPlot().getDataset().getSeriesCount()).isEqualTo(n);
        // the leading six named, one entry for the graded rest, one for the target lines: no silent colour repeats
        var legend = chart.getXYPlot().getFixedLegendItems();
        assertThat(legend.getItemCount()).isEqualTo(8);
        assertThat(legend.get(0).getLabel()).startsWith("σ₁ → 10");
        assertThat(legend.get(6).getLabel()).startsWith("σ₇ … σ₃₀: graded");
        java.util.Set<java.awt.Paint> colours = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            colours.add(chart.getXYPlot().getRenderer().getSeriesPaint(i));
        }
        assertThat(colours).hasSize(n);
        // all positive: a log scale
        assertThat(chart.getXYPlot().getRangeAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
        Path dir = Path.of("target", "charts");
        Files.createDirectories(dir);
        Files.write(dir.resolve("many-singular-values.png"), ChartRenderer.png(chart, 800, 500));
        Files.write(dir.resolve("many-effective-rank.png"), ChartRenderer.png(TrackCharts.effectiveRank(many), 800, 500));
    }

    @Test
    void aRunStoppedWhileTheEffectiveRankStillFallsIsShownWhole() {
        // 500 steps of the §8.2 run: r_eff falls from 6 towards 1 (first minimum 633 not yet reached)
        TrackResult early = track(ScalarTraces.figure3(500, 1), Optional.of(new Spectrum(LAMBDA,
                SpectrumKind.EIGENVALUE)), Optional.empty(), true);
        JFreeChart chart = TrackCharts.effectiveRank(early);
        // no cut-axis note, and no note on the chart for the thinned level (1.9375 and 1.96875 lie ≈ 2 px apart on
        // this axis): the legend alone; the caption of a report says what was left out
        assertThat(chart.getSubtitleCount()).isEqualTo(1);
        assertThat(TrackCharts.caption("effective-rank", early, "")).contains("1 level line closer than about 7 px");
        assertThat(chart.getXYPlot().getFixedLegendItems().get(1).getLabel()).as("the legend says so")
                .endsWith("; 1 too close to draw apart left out");
        assertThat(chart.getXYPlot().getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aNegativeEigenvalueThatIsNotRecoveredIsLabelledWithItsLimit() throws IOException {
        // identical start, λ = −0.5: the product's value goes to λ₊ = 0 (theory.md §3), not to the dashed target line
        double[] lambda = {2, 1, -0.5};
        TrackResult negative = track(ScalarTraces.identicalStart(lambda, 3, 0.3, 0.05, 3000, 1),
                Optional.of(new Spectrum(lambda, SpectrumKind.EIGENVALUE)), Optional.empty(), true);
        JFreeChart chart = TrackCharts.eigenvalues(negative);
        assertThat(chart.getXYPlot().getDataset().getSeriesKey(2)).isEqualTo("λ₃ → 0 (target -0.5)");
        assertThat(chart.getXYPlot().getRangeAxis().getLowerBound()).as("the target line is on the chart")
                .isLessThan(-0.5);
        Files.createDirectories(Path.of("target", "charts"));
        Files.write(Path.of("target", "charts", "negative-eigenvalue.png"), ChartRenderer.png(chart, 800, 500));
    }

    /** Subtitles speak to the user: no pixel distances, no references to the project's notes. */
    @Test
    void noChartCarriesADeveloperSubtitle() {
        double[] lambda = {4, 2, 1, 0, 0};
        TrackResult zeros = track(ScalarTraces.identicalStart(lambda, 3, 0.05, 0.05, 3000, 1),
                Optional.of(new Spectrum(lambda, SpectrumKind.EIGENVALUE)), Optional.empty(), true);
        TrackResult early = track(ScalarTraces.figure3(500, 1), Optional.of(new Spectrum(LAMBDA,
                SpectrumKind.EIGENVALUE)), Optional.empty(), true);
        List<String> subtitles = new ArrayList<>();
        for (TrackResult each : List.of(result, zeros, early)) {
            for (JFreeChart chart : TrackCharts.all(each).all()) {
                for (int t = 0; t < chart.getSubtitleCount(); t++) {
                    if (chart.getSubtitle(t) instanceof TextTitle title) {
                        subtitles.add(title.getText());
                    }
                }
            }
        }
        assertThat(subtitles).as("the zeros' note is there").anyMatch(t -> t.startsWith("2 eigenvalues of the target "
                + "are zero"));
        assertThat(subtitles).noneMatch(t -> t.contains("px") || t.contains("theory.md") || t.contains("§")
                || t.contains("′") || t.contains("u·n"));
    }

    @Test
    void rendererRejectsImpossibleSizes() {
        JFreeChart chart = TrackCharts.loss(result);
        assertThatThrownBy(() -> ChartRenderer.png(chart, 0, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0×500");
        assertThatThrownBy(() -> ChartRenderer.png(chart, 800, 20_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    static List<Plateau> predicted() {
        List<Plateau> rows = new ArrayList<>();
        for (int r = 1; r <= 6; r++) {
            long[] interval = CERTIFIED[r - 1];
            rows.add(new Plateau(r, RankMeasures.plateauLevel(LAMBDA, r), OptionalLong.of(interval[0]),
                    interval[1] < 0 ? OptionalLong.empty() : OptionalLong.of(interval[1]), OptionalDouble.empty()));
        }
        return rows;
    }
}
