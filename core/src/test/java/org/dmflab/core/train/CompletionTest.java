package org.dmflab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.linalg.RandomMatrices;
import org.dmflab.core.chart.TrackCharts;
import org.dmflab.core.model.Trace;
import org.dmflab.core.track.SpectrumTracker;
import org.dmflab.core.track.TrackConfig;
import org.dmflab.core.track.TrackInput;
import org.dmflab.core.track.TrackResult;
import org.dmflab.core.table.TraceTables;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The completion loss (docs/theory.md §8.3) against independent computations. */
class CompletionTest {
    private static final DMatrixRMaj TARGET = RandomMatrices.gaussian(4, 3, 1.0, new Random(11));
    private static final Observations OBSERVED = Observations.sample(TARGET, 7, new Random(12));

    /** Central differences of ½ Σ_observed (W_ij − y_ij)² computed from EJML's product; O(h²), 1e-6 at h = 1e-5. */
    @Test
    void gradientMatchesCentralDifferences() {
        TrainConfig config = Fixtures.config("depth", "3", "init", "gaussian", "sigma", "0.8", "seed", "4", "step", "1",
                "width", "5", "loss", "completion");
        TrainingPlan plan = Trainer.planCompletion(config, OBSERVED, Optional.of(TARGET));
        List<DMatrixRMaj> before;
        List<DMatrixRMaj> after;
        try (Solver solver = plan.newSolver()) {
            before = solver.factors();
            assertThat(solver.evaluate()).isCloseTo(directLoss(before), within(1e-12));
            solver.update();
            after = solver.factors();
        }
        double h = 1e-5;
        for (int j = 0; j < before.size(); j++) {
            for (int e = 0; e < before.get(j).getNumElements(); e++) {
                List<DMatrixRMaj> plus = before.stream().map(DMatrixRMaj::copy).toList();
                List<DMatrixRMaj> minus = before.stream().map(DMatrixRMaj::copy).toList();
                plus.get(j).data[e] += h;
                minus.get(j).data[e] -= h;
                double numeric = (directLoss(plus) - directLoss(minus)) / (2 * h);
                double analytic = before.get(j).data[e] - after.get(j).data[e];
                assertThat(analytic).as("∂L/∂W_%d[%d]", j + 1, e)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    /**
     * Completion is sensing with one-hot measurements Aₖ = e_i e_jᵀ: every ⟨Aₖ, W⟩ and every gradient entry is then
     * formed from exact products with 0 and 1, so the two losses give the same iterates, bit for bit.
     */
    @Test
    void sameIteratesAsSensingWithOneHotMeasurements() {
        int[] rows = OBSERVED.row();
        int[] cols = OBSERVED.column();
        DMatrixRMaj operators = new DMatrixRMaj(OBSERVED.count(), TARGET.getNumElements());
        for (int k = 0; k < OBSERVED.count(); k++) {
            operators.set(k, rows[k] * TARGET.numCols + cols[k], 1);
        }
        SensingData oneHot = new SensingData(operators, OBSERVED.values(), TARGET.numRows, TARGET.numCols);
        String[] settings = {"depth", "3", "init", "gaussian", "sigma", "0.3", "seed", "5", "step", "0.05",
                "iterations", "300", "record", "every:10"};
        TrainingResult completion = Trainer.planCompletion(with(settings, "completion"), OBSERVED,
                Optional.of(TARGET)).run(Progress.NONE);
        TrainingResult sensing = Trainer.plan(with(settings, "sensing"), TARGET, Optional.of(oneHot))
                .run(Progress.NONE);
        assertThat(completion.product().data).containsExactly(sensing.product().data);
        for (int j = 0; j < 3; j++) {
            assertThat(completion.factors().get(j).data).containsExactly(sensing.factors().get(j).data);
        }
        for (int p = 0; p < completion.trace().size(); p++) {
            assertThat(completion.trace().loss(p)).isEqualTo(sensing.trace().loss(p));
            assertThat(completion.trace().errorFro(p)).isEqualTo(sensing.trace().errorFro(p));
        }
        assertThat(completion.finalLoss()).isLessThan(1e-3 * completion.trace().loss(0));
    }

    /** The completion columns, recomputed from the recorded product and the mask. */
    @Test
    void traceHasTheErrorOnTheUnobservedEntriesAndTheRelativeError() {
        TrainConfig config = Fixtures.config("depth", "2", "init", "gaussian", "sigma", "0.3", "seed", "5", "step",
                "0.05", "iterations", "200", "loss", "completion");
        TrainingPlan plan = Trainer.planCompletion(config, OBSERVED, Optional.of(TARGET));
        assertThat(plan.completion()).isTrue();
        // …, sigma_p, error_unobserved, relative_error, the norm and factor columns, init, loss_kind (docs/design.md §2)
        assertThat(plan.traceColumns().stream().map(org.dmflab.core.table.Column::name).toList())
                .containsSubsequence("sigma_3", "error_unobserved", "relative_error", "norm_fro", "init", "loss_kind");
        TrainingResult result = plan.run(Progress.NONE);
        Trace trace = result.trace();
        int last = trace.size() - 1;
        DMatrixRMaj error = result.product();
        CommonOps_DDRM.subtractEquals(error, TARGET);
        boolean[] mask = OBSERVED.mask();
        double unobserved = 0;
        double observedLoss = 0;
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                observedLoss += 0.5 * error.data[k] * error.data[k];
            } else {
                unobserved += error.data[k] * error.data[k];
            }
        }
        double fro = Math.sqrt(CommonOps_DDRM.elementSumAbs(elementSquares(error)));
        assertThat(trace.loss(last)).isCloseTo(observedLoss, within(1e-12));
        assertThat(trace.errorUnobserved(last)).isCloseTo(Math.sqrt(unobserved), within(1e-12));
        assertThat(trace.errorFro(last)).isCloseTo(fro, within(1e-12));
        assertThat(trace.relativeError(last)).isCloseTo(fro / Math.sqrt(CommonOps_DDRM.elementSumAbs(
                elementSquares(TARGET))), within(1e-12));
        // and through the table and back
        Trace read = TraceTables.fromTable(TraceTables.toTable(trace), "trace");
        assertThat(read.completion()).isTrue();
        assertThat(read.errorUnobserved(last)).isEqualTo(trace.errorUnobserved(last));
        assertThat(read.relativeError(last)).isEqualTo(trace.relativeError(last));
    }

    @Test
    void theTrackersLossChartNamesTheObservedEntriesLossOfACompletionRun() {
        TrainConfig config = Fixtures.config("depth", "2", "init", "gaussian", "sigma", "0.3", "seed", "5", "step",
                "0.05", "iterations", "50", "loss", "completion");
        Trace trace = Trainer.planCompletion(config, OBSERVED, Optional.of(TARGET)).run(Progress.NONE).trace();
        TrackResult tracked = SpectrumTracker.track(new TrackInput(trace, "trace", Optional.empty(), "target",
                Optional.empty(), "predicted"), new TrackConfig(0.01, 0.05, true), Progress.NONE);
        XYDataset series = TrackCharts.loss(tracked).getXYPlot().getDataset();
        // the curve is ½ Σ over the observed entries (checked against the product above), not ½‖W − Φ‖²
        assertThat(series.getSeriesKey(0).toString()).startsWith("observed-entries loss")
                .doesNotContain("‖W − Φ‖");
        assertThat(series.getSeriesKey(1).toString()).contains("to the full target");
        assertThat(TrackCharts.caption("loss", tracked, "")).startsWith("Observed-entries loss");
    }

    /** Without the full target the shape comes from the observations and the error columns are empty (unknown). */
    @Test
    void withoutTheTargetTheErrorColumnsAreEmpty() {
        TrainConfig config = Fixtures.config("depth", "2", "init", "gaussian", "sigma", "0.3", "seed", "5", "step",
                "0.05", "iterations", "50", "loss", "completion");
        TrainingResult known = Trainer.planCompletion(config, OBSERVED, Optional.of(TARGET)).run(Progress.NONE);
        TrainingResult unknown = Trainer.planCompletion(config, OBSERVED, Optional.empty()).run(Progress.NONE);
        assertThat(unknown.product().data).containsExactly(known.product().data);
        int last = unknown.trace().size() - 1;
        assertThat(unknown.trace().errorFro(last)).isNaN();
        assertThat(unknown.trace().relativeError(last)).isNaN();
        // no column for what the run cannot know: the errors against the full target
        var table = TraceTables.toTable(unknown.trace());
        assertThat(table.columnNames()).doesNotContain("error_fro", "error_op", "error_unobserved", "relative_error");
        assertThat(table.columns()).isEqualTo(Trainer.planCompletion(config, OBSERVED, Optional.empty())
                .traceColumns());
        Trace read = TraceTables.fromTable(table, "trace");
        assertThat(read.completion()).isTrue();
        assertThat(read.errorOp(last)).isNaN();
    }

    @Test
    void mismatchesAreReportedByName() {
        TrainConfig completion = Fixtures.config("loss", "completion");
        assertThatThrownBy(() -> Trainer.plan(completion, TARGET, Optional.empty()))
                .hasMessageStartingWith("loss: loss=completion trains on observed entries");
        assertThatThrownBy(() -> Trainer.planCompletion(Fixtures.config(), OBSERVED, Optional.empty()))
                .hasMessageStartingWith("loss: observed entries are trained with loss=completion");
        assertThatThrownBy(() -> Trainer.planCompletion(completion, OBSERVED, Optional.of(new DMatrixRMaj(3, 4))))
                .hasMessageStartingWith("target: is 3×4 but the observations are of a 4×3 matrix");
        assertThatThrownBy(() -> Fixtures.config("loss", "completion", "solver", "spectral"))
                .hasMessageStartingWith("solver: ").hasMessageContaining("loss=completion");
    }

    private static TrainConfig with(String[] settings, String loss) {
        String[] all = java.util.Arrays.copyOf(settings, settings.length + 2);
        all[settings.length] = "loss";
        all[settings.length + 1] = loss;
        return Fixtures.config(all);
    }

    private static double directLoss(List<DMatrixRMaj> factors) {
        DMatrixRMaj w = factors.get(0);
        for (int j = 1; j < factors.size(); j++) {
            DMatrixRMaj next = new DMatrixRMaj(factors.get(j).numRows, w.numCols);
            CommonOps_DDRM.mult(factors.get(j), w, next);
            w = next;
        }
        int[] rows = OBSERVED.row();
        int[] cols = OBSERVED.column();
        double[] y = OBSERVED.values();
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            double d = w.get(rows[k], cols[k]) - y[k];
            sum += d * d;
        }
        return 0.5 * sum;
    }

    private static DMatrixRMaj elementSquares(DMatrixRMaj matrix) {
        DMatrixRMaj squares = matrix.copy();
        CommonOps_DDRM.elementMult(squares, matrix);
        return squares;
    }
}
