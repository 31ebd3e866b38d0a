package org.dmflab.core.chart;

import java.util.List;
import java.util.Optional;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TrainedLoss;
import org.jfree.chart.JFreeChart;

/**
 * Several recorded runs in one chart (docs/theory.md §8.2, Fig. 2): the loss, the effective rank and the singular
 * values of each trace over a logarithmic iteration axis, one colour per run. Serves the experiments that compare runs
 * (the {@code depth} preset) and {@code dmflab report} over runs a user made.
 */
public final class TraceOverlays {
    /** The x axis of every overlay: iteration 0 has no place on a log axis. */
    public static final String LOG_ITERATION = "iteration k (log scale; k = 0 not shown)";

    private TraceOverlays() {
    }

    /** One run: its legend name and its trace. */
    public record Run(String name, Trace trace) {
    }

    /** The effective rank ‖W‖∗ / ‖W‖₂ of every run; {@code effectiveRanks.get(r)} holds run r's value per point. */
    public static JFreeChart effectiveRanks(String title, List<Run> runs, List<double[]> effectiveRanks) {
        LineChart.Builder chart = LineChart.builder(title).xAxis(LOG_ITERATION, true)
                .yAxis("effective rank ‖W‖∗ / ‖W‖₂", false);
        for (int r = 0; r < runs.size(); r++) {
            chart.series(runs.get(r).name(), iterations(runs.get(r).trace()), effectiveRanks.get(r),
                    ChartStyle.seriesColor(r), false);
        }
        return chart.build();
    }

    /** The effective rank of every run as its trace recorded it (its effective_rank column). */
    public static JFreeChart effectiveRanks(String title, List<Run> runs) {
        return effectiveRanks(title, runs, runs.stream().map(run -> column(run.trace(), run.trace()::effectiveRank))
                .toList());
    }

    /**
     * The loss of every run on log–log axes, labelled by the loss the runs minimized ({@link #lossLabel}); when they
     * minimized different losses, each legend entry names its run's.
     */
    public static JFreeChart losses(String title, List<Run> runs) {
        boolean shared = sharedLoss(runs).isPresent();
        LineChart.Builder chart = LineChart.builder(title).xAxis(LOG_ITERATION, true)
                .yAxis(lossLabel(runs) + " (log scale)", true);
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).trace();
            String name = shared ? runs.get(r).name() : runs.get(r).name() + ": " + TrainedLoss.label(trace.loss());
            chart.series(name, iterations(trace), column(trace, trace::loss), ChartStyle.seriesColor(r), false);
        }
        return chart.build();
    }

    /**
     * What the runs' loss column holds: the label of the loss they all minimized ({@link TrainedLoss#label()}), or
     * "training loss" when they minimized different ones (or a trace does not say).
     */
    public static String lossLabel(List<Run> runs) {
        return sharedLoss(runs).map(TrainedLoss::label).orElse(TrainedLoss.UNKNOWN_LABEL);
    }

    private static Optional<TrainedLoss> sharedLoss(List<Run> runs) {
        List<Optional<TrainedLoss>> losses = runs.stream().map(run -> run.trace().loss()).distinct().toList();
        return losses.size() == 1 ? losses.get(0) : Optional.empty();
    }

    /**
     * The singular values σᵢ of every run's product W: one line per σᵢ, all of a run in its colour (one legend
     * entry per run), on log–log axes.
     */
    public static JFreeChart singularValues(String title, List<Run> runs) {
        LineChart.Builder chart = LineChart.builder(title).xAxis(LOG_ITERATION, true)
                .yAxis("singular values σᵢ of W (log scale)", true)
                .subtitle("colour = run; one line per singular value σ₁ … σₙ");
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).trace();
            for (int i = 0; i < trace.sigmaCount(); i++) {
                int index = i;
                chart.series(runs.get(r).name(), iterations(trace), column(trace, point -> trace.sigma(point, index)),
                        ChartStyle.seriesColor(r), false);
            }
        }
        return chart.build();
    }

    private static double[] iterations(Trace trace) {
        double[] x = new double[trace.size()];
        for (int point = 0; point < x.length; point++) {
            x[point] = trace.iteration(point);
        }
        return x;
    }

    private static double[] column(Trace trace, java.util.function.IntToDoubleFunction value) {
        double[] y = new double[trace.size()];
        for (int point = 0; point < y.length; point++) {
            y[point] = value.applyAsDouble(point);
        }
        return y;
    }
}
