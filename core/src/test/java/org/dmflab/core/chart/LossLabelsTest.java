package org.dmflab.core.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dmflab.core.Progress;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.TrainedLoss;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.table.TraceTables;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingResult;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * Every chart that draws a trace's loss names the loss the run trained: real full, sensing and completion runs on one
 * generated target, their loss column checked against the loss recomputed from the final product (so the label is
 * about the curve drawn), then the trainer's view, the tracker's loss chart and caption (command line, KNIME view and
 * experiment report) and the report's overlay, each after a round trip through the trace table.
 */
class LossLabelsTest {
    private static final String FULL_FORMULA = "½‖W − Φ‖²";

    @Test
    void everyLossChartNamesTheLossTrained() {
        GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(RawSettings.of(Map.of(
                "spectrum", "3,1,0.5", "m", "4", "n", "3", "seed", "7", "measurements", "30", "observations", "8")),
                Optional.empty()));
        DMatrixRMaj target = truth.matrix();
        List<TraceOverlays.Run> runs = new ArrayList<>();
        for (LossKind kind : LossKind.values()) {
            RawSettings settings = RawSettings.of(Map.of("depth", "2", "init", "gaussian", "sigma", "0.3", "seed", "3",
                    "step", "0.05", "iterations", "300", "loss", kind.key()));
            var config = TrainSettings.parse(settings);
            TrainingResult result = (kind == LossKind.COMPLETION
                    ? Trainer.planCompletion(config, truth.observations().orElseThrow(), Optional.of(target))
                    : Trainer.plan(config, target, truth.sensing())).run(Progress.NONE);
            Trace trace = TraceTables.fromTable(result.traceTable(), "trace");
            TrainedLoss loss = kind;
            assertThat(trace.loss()).contains(loss);
            double full = 0.5 * squaredDistance(result.product(), target);
            double trained = switch (kind) {
                case FULL -> full;
                case SENSING -> sensingLoss(result.product(), truth.sensing().orElseThrow());
                case COMPLETION -> completionLoss(result.product(), target, truth.observations().orElseThrow()
                        .mask());
            };
            // the loss column is the loss trained (to rounding of the same sums), and for sensing and completion
            // far from ½‖W − Φ‖²: a label of ½‖W − Φ‖² would be false for the curve
            assertThat(result.finalLoss()).isCloseTo(trained, within(1e-12 * Math.max(1, trained)));
            if (kind != LossKind.FULL) {
                assertThat(Math.abs(trained - full)).isGreaterThan(1e-3 * full);
            }

            JFreeChart view = TrainCharts.lossCurve(trace, loss);
            assertLabelled(view, 0, loss);
            assertThat(view.getXYPlot().getRangeAxis().getLabel()).startsWith(loss.words());

            TrackResult tracked = SpectrumTracker.track(new TrackInput(trace, "trace", Optional.empty(), "target",
                    Optional.empty(), "predicted"), new TrackConfig(0.01, 0.05, true), Progress.NONE);
            JFreeChart chart = TrackCharts.loss(tracked);
            assertLabelled(chart, 0, loss);
            String error = chart.getXYPlot().getDataset().getSeriesKey(1).toString();
            assertThat(error).startsWith("error ‖W − Φ‖");
            assertThat(error.contains("to the full target")).isEqualTo(kind != LossKind.FULL);
            String caption = TrackCharts.caption("loss", tracked, "");
            assertThat(caption).startsWith(Character.toUpperCase(loss.label().charAt(0)) + loss.label().substring(1));
            assertThat(caption.contains(FULL_FORMULA)).isEqualTo(kind == LossKind.FULL);

            JFreeChart overlay = TraceOverlays.losses("Loss", List.of(new TraceOverlays.Run("run", trace)));
            assertThat(overlay.getXYPlot().getRangeAxis().getLabel()).isEqualTo(loss.label() + " (log scale)");
            runs.add(new TraceOverlays.Run(kind.key(), trace));
        }
        // runs of different losses in one chart: the axis says "training loss", each legend entry names its loss
        JFreeChart mixed = TraceOverlays.losses("Loss", runs);
        assertThat(mixed.getXYPlot().getRangeAxis().getLabel()).isEqualTo("training loss (log scale)");
        for (int r = 0; r < runs.size(); r++) {
            assertThat(mixed.getXYPlot().getDataset().getSeriesKey(r).toString())
                    .isEqualTo(runs.get(r).name() + ": " + LossKind.values()[r].label());
        }
        assertThat(TraceOverlays.lossLabel(runs)).isEqualTo(TrainedLoss.UNKNOWN_LABEL);
    }

    /** The loss series names the loss in words and formula, and only a full-loss run says ½‖W − Φ‖². */
    private static void assertLabelled(JFreeChart chart, int series, TrainedLoss loss) {
        XYPlot plot = chart.getXYPlot();
        String key = plot.getDataset().getSeriesKey(series).toString();
        assertThat(key).isEqualTo(loss.label());
        // subscripts as characters: a chart shows "W_ij" literally
        assertThat(key).doesNotContain("_");
        assertThat(key.contains(FULL_FORMULA)).isEqualTo(loss == LossKind.FULL);
        assertThat(plot.getRangeAxis().getLabel().contains(FULL_FORMULA)).isFalse();
    }

    private static double squaredDistance(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            double d = a.data[k] - b.data[k];
            sum += d * d;
        }
        return sum;
    }

    /** ½ Σᵢ (⟨Aᵢ, W⟩ − yᵢ)², the Aᵢ the rows of the operator matrix (row-major entries). */
    private static double sensingLoss(DMatrixRMaj product, SensingData sensing) {
        DMatrixRMaj operators = sensing.operators();
        double[] y = sensing.observations();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double inner = 0;
            for (int e = 0; e < product.getNumElements(); e++) {
                inner += operators.get(i, e) * product.data[e];
            }
            sum += (inner - y[i]) * (inner - y[i]);
        }
        return 0.5 * sum;
    }

    /** ½ Σ over the observed entries of (W_ij − Φ_ij)² (the observations are the target's entries, no noise). */
    private static double completionLoss(DMatrixRMaj product, DMatrixRMaj target, boolean[] mask) {
        DMatrixRMaj difference = product.copy();
        CommonOps_DDRM.subtractEquals(difference, target);
        double sum = 0;
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                sum += difference.data[k] * difference.data[k];
            }
        }
        return 0.5 * sum;
    }
}
