package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmflab.core.model.TraceMetric;
import org.dmflab.core.model.TracePoint;
import org.dmflab.core.model.RankMeasures;
import org.dmflab.core.model.Trace;
import org.dmflab.core.loss.LossKind;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** The trainer's loss curve is named by the loss that was trained and draws the trace's loss column. */
class TrainChartsTest {

    @Test
    void theLossCurveIsLabelledByTheLossTrained() {
        double[] sigma = {1, 0.5};
        Trace.Builder builder = Trace.builder(0, 2);
        double[] loss = {0.8, 0.4, 0.1, 0.02};
        for (int p = 0; p < loss.length; p++) {
            builder.add(p * 100L, TracePoint.of(new double[0], sigma).with(TraceMetric.TIME, p).with(TraceMetric.LOSS, loss[p]).with(TraceMetric.ERROR_FRO, 1).with(TraceMetric.ERROR_OP, 1).with(TraceMetric.EFFECTIVE_RANK, RankMeasures.effectiveRank(sigma)).with(TraceMetric.STABLE_RANK, RankMeasures.stableRank(sigma)));
        }
        Trace trace = builder.build();
        for (LossKind kind : LossKind.values()) {
            JFreeChart chart = TrainCharts.lossCurve(trace, kind);
            String name = switch (kind) {
                case FULL -> "full loss";
                case SENSING -> "measurement loss";
                case COMPLETION -> "observed-entries loss";
            };
            assertThat(chart.getTitle().getText()).isEqualTo("Training loss: " + name);
            assertThat(chart.getXYPlot().getRangeAxis().getLabel()).startsWith(name);
            assertThat(chart.getXYPlot().getDataset().getSeriesKey(0).toString()).startsWith(name);
            // iteration 0 cannot stand on the log axis; the other three points are the trace's loss column
            assertThat(chart.getXYPlot().getDataset().getItemCount(0)).isEqualTo(3);
            assertThat(chart.getXYPlot().getDataset().getYValue(0, 2)).isEqualTo(0.02);
            assertThat(chart.getXYPlot().getDomainAxis().getLabel()).contains("k = 0 not shown");
        }
        assertThat(TrainCharts.lossCurve(trace, LossKind.FULL).getXYPlot().getDataset().getSeriesKey(0).toString())
                .contains("½‖W − Φ‖²");
    }
}
