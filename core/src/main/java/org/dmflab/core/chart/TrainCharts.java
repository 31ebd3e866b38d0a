package org.dmflab.core.chart;

import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TrainedLoss;
import org.jfree.chart.JFreeChart;

/**
 * The Deep Factorization Trainer's own chart: the loss it minimized against the iteration, on log–log axes, named by
 * what was trained ({@link TrainedLoss#label()}, docs/theory.md (5) and §8): the full loss ½‖W − Φ‖², the loss over the
 * observed entries (matrix completion) or over the measurements (matrix sensing).
 */
public final class TrainCharts {
    private TrainCharts() {
    }

    /** The loss of a run as the trainer's view shows it. */
    public static JFreeChart lossCurve(Trace trace, TrainedLoss loss) {
        double[] values = new double[trace.size()];
        for (int point = 0; point < values.length; point++) {
            values[point] = trace.loss(point);
        }
        return lossCurve(TrackCharts.iterations(trace), values, loss);
    }

    /** The loss curve from the recorded iterations (ascending) and their loss values. */
    public static JFreeChart lossCurve(double[] iterations, double[] values, TrainedLoss loss) {
        LineChart.Builder chart = LineChart.builder("Training loss: " + loss.words())
                .xAxis(TrackCharts.iterationLabel(iterations, true), true)
                .yAxis(loss.words() + " (log scale)", true)
                .series(loss.label(), iterations, values, ChartStyle.seriesColor(0), false);
        TrackCharts.noteZeros(chart, values);
        return chart.build();
    }
}
