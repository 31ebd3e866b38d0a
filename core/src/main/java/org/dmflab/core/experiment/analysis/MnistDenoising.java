package org.dmflab.core.experiment.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dmflab.core.chart.ChartStyle;
import org.dmflab.core.chart.LineChart;
import org.dmflab.core.experiment.preset.DataSets;
import org.dmflab.core.experiment.preset.ExperimentPresets;
import org.dmflab.core.experiment.run.EarlyStopping;
import org.dmflab.core.experiment.run.RunOutcome;
import org.dmflab.core.model.Trace;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.train.TrainSettings;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.jfree.chart.JFreeChart;

/**
 * The paper's Section 4 on real data (docs/theory.md §8.1): deep factorizations of noisy MNIST ones X̃ = X + E. Each run
 * observes every noisy entry (the loss is ½‖W − X̃‖²_F) with the clean X as the truth, so the trace's error_fro is the
 * generalization error ‖W(k) − X‖_F and √(2·loss) the training error ‖W(k) − X̃‖_F. Benchmarks: the best rank-r
 * approximations X̃_r of the noisy matrix (Eckart–Young, from its SVD). Early stopping by the trainer's rule
 * {@code stop-at=rank:R} (R = {@link #STOP_RANK}) ({@link EarlyStopping}), applied to each recorded run.
 */
final class MnistDenoising {
    /** The rank the preset stops at: a user's choice, as in {@code stop-at=rank:R}; the benchmarks show every r. */
    static final int STOP_RANK = org.dmflab.core.experiment.preset.Analysis.MNIST_DENOISING.snapshotStopRank()
            .getAsInt();

    /** Benchmarks r = 1 … this. */
    static final int BENCHMARK_RANKS = 10;

    private final List<RunOutcome> runs;
    private final DMatrixRMaj clean;
    private final DMatrixRMaj noisy;
    private final double[] benchmarks;

    MnistDenoising(List<RunOutcome> runs, DMatrixRMaj noisy, DMatrixRMaj clean) {
        this.runs = List.copyOf(runs);
        this.noisy = noisy.copy();
        this.clean = clean.copy();
        this.benchmarks = rankBenchmarks(noisy, clean, Math.min(BENCHMARK_RANKS, Math.min(noisy.numRows,
                noisy.numCols)));
    }

    /** ‖X̃_r − X‖_F for r = 1 … maxRank, X̃_r the truncated SVD of {@code noisy}. */
    static double[] rankBenchmarks(DMatrixRMaj noisy, DMatrixRMaj clean, int maxRank) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(noisy.numRows, noisy.numCols,
                true, true, false);
        if (!svd.decompose(noisy.copy())) {
            throw new ArithmeticException("singular value decomposition failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] errors = new double[maxRank];
        DMatrixRMaj approximation = new DMatrixRMaj(noisy.numRows, noisy.numCols);
        for (int r = 0; r < maxRank; r++) {
            double s = w.get(r, r);
            for (int row = 0; row < noisy.numRows; row++) {
                double left = s * u.get(row, r);
                for (int col = 0; col < noisy.numCols; col++) {
                    approximation.add(row, col, left * v.get(col, r));
                }
            }
            DMatrixRMaj difference = new DMatrixRMaj(noisy.numRows, noisy.numCols);
            CommonOps_DDRM.subtract(approximation, clean, difference);
            errors[r] = NormOps_DDRM.normF(difference);
        }
        return errors;
    }

    /** {@code rank}, {@code error_clean}: the benchmarks. */
    Table benchmarkTable() {
        Table.Builder table = Table.builder(List.of(Column.of("rank", ColumnType.INTEGER),
                Column.of("error_clean", ColumnType.DOUBLE)));
        for (int r = 1; r <= benchmarks.length; r++) {
            table.addRow(r, benchmarks[r - 1]);
        }
        return table.build();
    }

    double[] benchmarks() {
        return benchmarks.clone();
    }

    /** The rank whose benchmark is closest to the clean matrix. */
    int bestBenchmarkRank() {
        int best = 0;
        for (int r = 1; r < benchmarks.length; r++) {
            if (benchmarks[r] < benchmarks[best]) {
                best = r;
            }
        }
        return best + 1;
    }

    /** One run's curves: iteration, error_train ‖W − X̃‖_F, error_clean ‖W − X‖_F, effective_rank. */
    static Table curveTable(RunOutcome run) {
        Trace trace = run.training().trace();
        Table.Builder table = Table.builder(List.of(Column.of("iteration", ColumnType.LONG),
                Column.of("error_train", ColumnType.DOUBLE), Column.of("error_clean", ColumnType.DOUBLE),
                Column.of("effective_rank", ColumnType.DOUBLE)));
        for (int point = 0; point < trace.size(); point++) {
            table.addRow(trace.iteration(point), trainingError(trace, point), trace.errorFro(point),
                    trace.effectiveRank(point));
        }
        return table.build();
    }

    /** Per depth: the early-stopping iteration (from the effective rank), its error, the best and final error. */
    Table stoppingTable() {
        Table.Builder table = Table.builder(List.of(Column.of("depth", ColumnType.INTEGER),
                Column.of("sigma", ColumnType.DOUBLE), Column.of("iterations", ColumnType.LONG),
                Column.of("k_stop", ColumnType.LONG), Column.nullable("plateau_r", ColumnType.INTEGER),
                Column.of("error_at_stop", ColumnType.DOUBLE), Column.of("k_best", ColumnType.LONG),
                Column.of("error_best", ColumnType.DOUBLE), Column.of("error_final", ColumnType.DOUBLE)));
        for (RunOutcome run : runs) {
            Trace trace = run.training().trace();
            long stop = stopIteration(run);
            int best = 0;
            for (int point = 1; point < trace.size(); point++) {
                if (trace.errorFro(point) < trace.errorFro(best)) {
                    best = point;
                }
            }
            table.addRow(depth(run), Double.parseDouble(run.spec().train().get(TrainSettings.SIGMA)),
                    trace.iteration(trace.size() - 1), stop, stopped(run).isPresent() ? STOP_RANK : null,
                    trace.errorFro(point(trace, stop)), trace.iteration(best), trace.errorFro(best),
                    trace.errorFro(trace.size() - 1));
        }
        return table.build();
    }

    /** Fig. 9(a): the training error of every depth. */
    JFreeChart trainingErrors() {
        LineChart.Builder chart = LineChart.builder("Training error ‖W(k) − X̃‖_F (noisy MNIST ones)")
                .xAxis("iteration k (log scale; k = 0 not shown)", true).yAxis("‖W(k) − X̃‖_F (log scale)", true);
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).training().trace();
            double[] y = new double[trace.size()];
            for (int point = 0; point < y.length; point++) {
                y[point] = Math.max(trainingError(trace, point), Double.MIN_NORMAL);
            }
            chart.series(runs.get(r).spec().title(), x(trace), y, ChartStyle.seriesColor(r), false);
        }
        // the training target: a run stops when its loss reaches the threshold, i.e. ‖W − X̃‖_F ≤ √(2·threshold)
        chart.horizontalLine(Math.sqrt(2 * ExperimentPresets.MNIST_LOSS_THRESHOLD), String.format(Locale.ROOT,
                "loss %.0e: ‖W − X̃‖_F = %.3f", ExperimentPresets.MNIST_LOSS_THRESHOLD,
                Math.sqrt(2 * ExperimentPresets.MNIST_LOSS_THRESHOLD)), ChartStyle.REFERENCE);
        chart.legendLine("loss threshold (training stops there)", ChartStyle.REFERENCE);
        return chart.build();
    }

    /** Fig. 9(b): the generalization error with the rank-r benchmarks and each depth's early-stopping point. */
    JFreeChart generalizationErrors() {
        LineChart.Builder chart = LineChart.builder("Generalization error ‖W(k) − X‖_F to the clean images")
                .subtitle(String.format(Locale.ROOT, "dashed verticals: stop-at=rank:%d from the effective rank; grey: "
                        + "best rank-r approximations of X̃, r = 1, 2, 3 (closest: r = %d, %.2f)", STOP_RANK,
                        bestBenchmarkRank(),
                        benchmarks[bestBenchmarkRank() - 1]))
                .xAxis("iteration k (log scale; k = 0 not shown)", true).yAxis("‖W(k) − X‖_F", false);
        double top = 0;
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).training().trace();
            double[] y = new double[trace.size()];
            for (int point = 0; point < y.length; point++) {
                y[point] = trace.errorFro(point);
                top = Math.max(top, y[point]);
            }
            chart.series(runs.get(r).spec().title(), x(trace), y, ChartStyle.seriesColor(r), false);
        }
        for (int r = 0; r < runs.size(); r++) {
            Trace trace = runs.get(r).training().trace();
            double stop = Math.max(1, stopIteration(runs.get(r)));
            chart.series(stopLabel(runs.get(r)) + ", " + runs.get(r).spec().title(), new double[]{stop, stop},
                    new double[]{0, top}, ChartStyle.seriesColor(r), true);
        }
        for (int r = 0; r < Math.min(3, benchmarks.length); r++) {
            chart.horizontalLine(benchmarks[r], String.format(Locale.ROOT, "rank %d: %.2f", r + 1, benchmarks[r]),
                    ChartStyle.REFERENCE, 4 + 96 * r);
        }
        chart.yRange(0, top * 1.05);
        return chart.build();
    }

    /** Figs. 10–12: the first image, clean and noisy, and the first row of W(k) in the regimes of each depth. */
    byte[] digits() {
        int side = DataSets.MNIST_SIDE;
        List<DigitGrid.Line> lines = new ArrayList<>();
        lines.add(new DigitGrid.Line("image 1", List.of(new DigitGrid.Cell("clean X", row(clean)),
                new DigitGrid.Cell("noisy X̃", row(noisy)))));
        for (RunOutcome run : runs) {
            List<DigitGrid.Cell> cells = new ArrayList<>();
            long rankOne = EarlyStopping.rankOneIteration(run.track());
            long stop = stopIteration(run);
            for (Map.Entry<Long, DMatrixRMaj> snapshot : run.snapshots().entrySet()) {
                // a run that never reached rank R has no stop snapshot: its snapshots are the least effective rank
                String regime = snapshot.getKey() == stop && stopped(run).isPresent() ? stopLabel(run)
                        : snapshot.getKey() == rankOne ? "least eff. rank" : "";
                cells.add(new DigitGrid.Cell(regime + ", k = " + snapshot.getKey(), row(snapshot.getValue())));
            }
            Trace trace = run.training().trace();
            cells.add(new DigitGrid.Cell("end, k = " + trace.iteration(trace.size() - 1),
                    row(run.training().product())));
            lines.add(new DigitGrid.Line(run.spec().title(), cells));
        }
        return DigitGrid.png("Row 1 of W(k) as a 28×28 image (clamped to [0, 1])", side, lines);
    }

    /** Where {@code stop-at=rank:R} (R = {@link #STOP_RANK}) stops the recorded run; empty when it never gets there. */
    static java.util.OptionalLong stopped(RunOutcome run) {
        return EarlyStopping.observedStop(run.track(), STOP_RANK);
    }

    /** The stop, or the last recorded iteration when the run never reached the plateau (labelled so). */
    static long stopIteration(RunOutcome run) {
        Trace trace = run.training().trace();
        return stopped(run).orElse(trace.iteration(trace.size() - 1));
    }

    /**
     * "early stop, rank R" when the rule stopped the run; otherwise the marked iteration is the run's end, which a reader
     * must not mistake for a stop on the plateau.
     */
    private static String stopLabel(RunOutcome run) {
        return stopped(run).isPresent() ? "early stop, rank " + STOP_RANK : "rank " + STOP_RANK + " not reached: end";
    }

    /** One sentence per depth for the terminal: where stop-at stopped the run, or that it never reached rank R. */
    List<String> findings() {
        List<String> lines = new ArrayList<>();
        Table stopping = stoppingTable();
        for (int row = 0; row < stopping.rowCount(); row++) {
            String stop = stopping.cell(row, 4) == null ? "rank " + STOP_RANK + " not reached: at the end, k = %d,"
                    : "stop-at=rank:" + STOP_RANK + " stops at k = %d";
            lines.add(String.format(Locale.ROOT, "N = %d: " + stop + " with ‖W − X‖_F = %.3f (best %.3f at "
                            + "k = %d, final %.3f); best rank-r approximation: r = %d, %.3f", (int) stopping.doubleAt(row,
                            0), (long) stopping.doubleAt(row, 3), stopping.doubleAt(row, 5), stopping.doubleAt(row, 7),
                    (long) stopping.doubleAt(row, 6), stopping.doubleAt(row, 8), bestBenchmarkRank(),
                    benchmarks[bestBenchmarkRank() - 1]));
        }
        return lines;
    }

    private static double[] row(DMatrixRMaj matrix) {
        double[] row = new double[matrix.numCols];
        System.arraycopy(matrix.data, 0, row, 0, matrix.numCols);
        return row;
    }

    /** ‖W(k) − X̃‖_F = √(2·loss): the loss observes every noisy entry. */
    private static double trainingError(Trace trace, int point) {
        return Math.sqrt(2 * trace.loss(point));
    }

    private static int point(Trace trace, long iteration) {
        for (int point = 0; point < trace.size(); point++) {
            if (trace.iteration(point) == iteration) {
                return point;
            }
        }
        throw new IllegalArgumentException("iteration " + iteration + " was not recorded");
    }

    private static double[] x(Trace trace) {
        double[] x = new double[trace.size()];
        for (int point = 0; point < x.length; point++) {
            x[point] = trace.iteration(point);
        }
        return x;
    }

    private static int depth(RunOutcome run) {
        return Integer.parseInt(run.spec().train().get(TrainSettings.DEPTH));
    }
}
