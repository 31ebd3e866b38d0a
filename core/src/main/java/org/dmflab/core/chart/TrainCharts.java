package org.dmflab.core.chart;

import org.dmflab.core.model.Trace;
import org.dmflab.core.train.LossKind;
import org.jfree.chart.JFreeChart;

/**
 * The Deep Factorization Trainer's own chart: the loss it minimized against the iteration, on log–log axes, named by
 * what was trained (docs/theory.md (5) and §8): the full loss ½‖W − Φ‖², the loss over the observed entries (matrix
 * completion) or over the measurements (matrix sensing).
 */
public final class TrainCharts {
    private TrainCharts() {
    }

    /** The loss of a run as the trainer's view shows it. */
    public static JFreeChart lossCurve(Trace trace, LossKind loss) {
        double[] values = new double[trace.size()];
        for (int point = 0; point < values.length; point++) {
            values[point] = trace.loss(point);
        }
        return lossCurve(TrackCharts.iterations(trace), values, loss);
    }

    /** The loss curve from the recorded iterations (ascending) and their loss values. */
    public static JFreeChart lossCurve(double[] iterations, double[] values, LossKind loss) {
        String name = lossName(loss);
        LineChart.Builder chart = LineChart.builder("Training loss: " + name)
                .xAxis(TrackCharts.iterationLabel(iterations, true), true)
                .yAxis(name + " (log scale)", true)
                .series(name + " " + lossFormula(loss), iterations, values, ChartStyle.seriesColor(0), false);
        TrackCharts.noteZeros(chart, values);
        return chart.build();
    }

    /** What was trained, in words. */
    static String lossName(LossKind loss) {
        return switch (loss) {
            case FULL -> "full loss";
            case SENSING -> "measurement loss";
            case COMPLETION -> "observed-entries loss";
        };
    }

    private static String lossFormula(LossKind loss) {
        return switch (loss) {
            case FULL -> "½‖W − Φ‖²";
            case SENSING -> "½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)²";
            case COMPLETION -> "½ Σ over observed (i, j) of (Wᵢⱼ − yᵢⱼ)²";
        };
    }
}
