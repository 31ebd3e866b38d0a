package org.dmflab.core.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.experiment.preset.ExperimentPreset;
import org.dmflab.core.experiment.preset.ExperimentPresets;
import org.dmflab.core.experiment.run.ExperimentRun;
import org.dmflab.core.experiment.run.ExperimentRunnerTest;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.track.ObservedPlateau;
import org.dmflab.core.track.TrackResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/**
 * Every caption and legend the presets write says what the chart draws: checked against the chart objects themselves
 * (axis classes, interval markers, series, legend items) and against the runs' own numbers, on the presets that
 * {@link ExperimentRunnerTest} runs (shared results).
 */
class TruthfulCaptionsTest {
    private static List<RunOutcome> allRuns() {
        List<RunOutcome> runs = new ArrayList<>();
        ExperimentRunnerTest.presetNames().forEach(name -> runs.addAll(ExperimentRunnerTest.run(name).runs()));
        return runs;
    }

    /** "log–log" only where both axes are logarithmic; the linear iteration axes (5 runs) are called linear. */
    @Test
    void lossCaptionsNameTheAxesAsDrawn() {
        int linear = 0;
        int cases = 0;
        for (RunOutcome run : allRuns()) {
            String caption = TrackCharts.caption("loss", run.track(), "");
            XYPlot plot = TrackCharts.loss(run.track()).getXYPlot();
            boolean xLog = plot.getDomainAxis() instanceof LogAxis;
            assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
            if (xLog) {
                assertThat(caption).as(run.spec().title()).endsWith("on log–log axes");
            } else {
                linear++;
                assertThat(caption).as(run.spec().title()).doesNotContain("log–log")
                        .endsWith("on a log y axis over a linear x axis");
            }
            cases++;
        }
        assertThat(linear).as("single-eigenvalue and flow-vs-descent's four runs").isEqualTo(5);
        assertThat(cases).isGreaterThan(10);
    }

    /**
     * The effective-rank caption counts the intervals the chart shades (interval markers), says how many certified
     * intervals start after the last recorded iteration, and carries no bare equation tag.
     */
    @Test
    void effectiveRankCaptionsCountWhatIsShaded() {
        int later = 0;
        int shadedCases = 0;
        for (RunOutcome run : allRuns()) {
            TrackResult track = run.track();
            String caption = TrackCharts.caption("effective-rank", track, "");
            var markers = TrackCharts.effectiveRank(track).getXYPlot().getDomainMarkers(Layer.BACKGROUND);
            long shaded = markers == null ? 0 : markers.stream().filter(IntervalMarker.class::isInstance).count();
            long last = track.input().trace().iteration(track.input().trace().size() - 1);
            long afterTheRun = track.plateaus().stream().map(ObservedPlateau::predicted)
                    .filter(p -> p.map(Plateau::certified).orElse(false))
                    .filter(p -> p.get().start().getAsLong() > last).count();
            assertThat(caption).as(run.spec().title()).doesNotContain("(63′)");
            if (shaded == 0) {
                assertThat(caption).doesNotContain("shaded: the");
            } else if (shaded == 1) {
                assertThat(caption).contains("shaded: the certified interval of Theorem 3.5′");
            } else {
                assertThat(caption).contains("shaded: the " + shaded + " certified intervals");
            }
            if (afterTheRun > 0) {
                assertThat(caption).contains(afterTheRun + " certified interval" + (afterTheRun == 1 ? " starts"
                        : "s start") + " after the last recorded iteration");
                later++;
            } else {
                assertThat(caption).doesNotContain("after the last recorded iteration");
            }
            shadedCases += shaded > 0 ? 1 : 0;
        }
        assertThat(later).as("runs with a certified interval beyond their end (depth's N = 5 …)").isPositive();
        assertThat(shadedCases).isPositive();
    }

    /**
     * A constant effective rank (1 for the 1×1 product of single-eigenvalue) gets an axis whose tick labels differ,
     * instead of ~20 labels all reading "1E0".
     */
    @Test
    void aConstantEffectiveRankHasDistinctTickLabels() {
        JFreeChart chart = TrackCharts.effectiveRank(ExperimentRunnerTest.run("single-eigenvalue").runs().get(0)
                .track());
        ChartRenderer.png(chart, ChartRenderer.DEFAULT_WIDTH, ChartRenderer.DEFAULT_HEIGHT); // chooses the ticks
        NumberAxis axis = (NumberAxis) chart.getXYPlot().getRangeAxis();
        double unit = axis.getTickUnit().getSize();
        Set<String> labels = new HashSet<>();
        int ticks = 0;
        for (double value = Math.ceil(axis.getLowerBound() / unit) * unit; value <= axis.getUpperBound();
             value += unit) {
            labels.add(axis.getTickUnit().valueToString(value));
            ticks++;
        }
        assertThat(ticks).as("ticks of %s from %s to %s", unit, axis.getLowerBound(), axis.getUpperBound()).isGreaterThanOrEqualTo(2);
        assertThat(labels).as("one label per tick").hasSize(ticks);
    }

    /** The report's first paragraph names the paper's figure, or the other source, without "the paper's … not in". */
    @Test
    void theReportNamesTheFiguresSource() {
        for (ExperimentPresets.Entry entry : ExperimentPresets.entries()) {
            ExperimentPreset preset = entry.preset();
            String source = preset.figureSource();
            if (entry.name().equals("completion-depth")) {
                assertThat(source).isEqualTo("Arora et al. 2019, not in the paper");
            } else if (entry.name().equals("norms-vs-rank")) {
                assertThat(source).isEqualTo("Razin and Cohen 2020, not in the paper");
            } else {
                assertThat(source).startsWith("the paper's ").doesNotContain("not in the paper");
            }
        }
        String html = new String(ExperimentRunnerTest.output("plateaus").report(), StandardCharsets.UTF_8);
        assertThat(html).contains("(the paper's Fig. 3 / 6(b)).");
    }

    /**
     * The denoising chart marks what its caption names: the certified rank-3 interval shaded, its start as the
     * predicted stop, the observed plateau's end and the oracle stop, each in the legend at its iteration.
     */
    @Test
    void denoisingChartShadesTheCertifiedIntervalAndMarksEveryStop() {
        ExperimentRun run = ExperimentRunnerTest.run("denoising");
        AnalysisOutput analysis = PresetAnalysis.of(run.preset().analysis()).analyse(run);
        AnalysisOutput.Figure figure = analysis.charts().stream().filter(f -> f.file().equals("error-clean.png"))
                .findFirst().orElseThrow();
        XYPlot plot = figure.chart().getXYPlot();
        var markers = plot.getDomainMarkers(Layer.BACKGROUND);
        assertThat(markers).hasSize(1);
        IntervalMarker shaded = (IntervalMarker) markers.iterator().next();
        List<String> legend = legend(plot.getFixedLegendItems());
        long start = Math.round(shaded.getStartValue());
        assertThat(legend).contains("certified rank-3 plateau (Theorem 3.5″)", "predicted stop (its start), k = "
                + start).anyMatch(label -> label.startsWith("oracle early stopping, k = "))
                .anyMatch(label -> label.startsWith("observed stop on the rank-3 plateau, k = "));
        assertThat(figure.caption()).contains("shaded, the certified rank-3 interval, whose start is the predicted "
                + "stop", "marked, the observed stop on the rank-3 plateau");
        assertThat(analysis.keyNumbers().get("paper's criterion, predicted (plateau of rank 3: k_start of its "
                + "certified interval, Theorem 3.5″ on the noisy, indefinite spectrum, ε = 0.01, δ = 0.005; "
                + "stop-at=rank:3's certified rule): iteration")).isEqualTo(start);
    }

    /**
     * W's values where the target's are numerical zeros are drawn (random-init: 12×12 target of rank 5, so 7), as one
     * grey band with one legend entry, and the caption says so.
     */
    @Test
    void theTailWhereTheTargetIsZeroIsDrawnAsOneBand() {
        for (RunOutcome run : ExperimentRunnerTest.run("random-init").runs()) {
            JFreeChart chart = TrackCharts.eigenvalues(run.track());
            XYPlot plot = chart.getXYPlot();
            assertThat(plot.getDataset().getSeriesCount()).isEqualTo(12);
            assertThat(legend(plot.getFixedLegendItems())).contains("λ₆ … λ₁₂ of W where the target's are 0: grey "
                    + "band");
            assertThat(TrackCharts.caption("eigenvalues", run.track(), "")).contains("grey band: W's 7 eigenvalues "
                    + "where the target's are zero");
        }
    }

    /** The random-init caption states the order each start learned in, and compares it with the paper's Fig. 13. */
    @Test
    void randomInitSaysTheOrderItFound() {
        ExperimentRun run = ExperimentRunnerTest.run("random-init");
        AnalysisOutput analysis = PresetAnalysis.of(run.preset().analysis()).analyse(run);
        boolean smallInOrder = RandomInitAnalysis.largestFirst(run.runs().get(0).track().hittings());
        boolean largeInOrder = RandomInitAnalysis.largestFirst(run.runs().get(1).track().hittings());
        String order = (String) analysis.keyNumbers().get("order of learning against the paper's Fig. 13");
        assertThat(order).startsWith("small σ " + (smallInOrder ? "largest first" : "not"))
                .contains("large σ " + (largeInOrder ? "largest first" : "not"))
                .contains(largeInOrder ? "is not reproduced here" : "As in the paper's Fig. 13");
        // the hitting iterations as the tracker found them: all five learned, in order of magnitude, for both starts
        assertThat(smallInOrder).isTrue();
        assertThat(largeInOrder).isTrue();
    }

    private static List<String> legend(LegendItemCollection items) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }
}
